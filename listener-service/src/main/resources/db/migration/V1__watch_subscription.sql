-- Addresses and token contracts the listener is asked to follow on chains whose scope is "watched".
-- Stored lowercase, as SPEC.md emits them. A watch applies to blocks from from_block on, so replaying
-- older blocks gives the same events as when they were first published.
-- (The listener's progress is NOT here: it is committed to the listener-checkpoints topic in the
-- same Kafka transaction as the events it covers.)
CREATE TABLE watch_subscription (
    id         UUID         PRIMARY KEY,
    chain_id   BIGINT       NOT NULL,
    kind       VARCHAR(10)  NOT NULL CHECK (kind IN ('ADDRESS', 'TOKEN')),
    address    VARCHAR(42)  NOT NULL CHECK (address ~ '^0x[0-9a-f]{40}$'),
    from_block BIGINT       NOT NULL DEFAULT 0 CHECK (from_block >= 0),
    label      VARCHAR(100),
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (chain_id, kind, address)
);
