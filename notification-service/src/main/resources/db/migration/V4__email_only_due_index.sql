-- delivery_due served both channels. With statistics from a steady state (almost every row SUCCEEDED, so
-- "PENDING" looks rare), the planner picked it for the per-endpoint webhook claim as well and filtered
-- subscription_id over the whole pending backlog once per endpoint: 200 ms per claim instead of 0.2 ms
-- during a burst (EXPLAIN ANALYZE in FanOutBenchmark). The webhook claim has delivery_due_per_endpoint;
-- this index now serves the email claim only, so it cannot be chosen for webhooks.
DROP INDEX delivery_due;
CREATE INDEX delivery_due_email ON delivery (next_attempt_at) WHERE status = 'PENDING' AND channel = 'EMAIL';
