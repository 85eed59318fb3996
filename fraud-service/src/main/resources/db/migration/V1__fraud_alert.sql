-- Alerts raised by the fraud rules about an address.
CREATE TABLE fraud_alert (
    id               UUID         PRIMARY KEY,
    rule             VARCHAR(64)  NOT NULL,
    chain_id         BIGINT       NOT NULL,
    subject_address  VARCHAR(42)  NOT NULL CHECK (subject_address ~ '^0x[0-9a-f]{40}$'),
    severity         VARCHAR(16)  NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    status           VARCHAR(16)  NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RETRACTED')),
    reason           TEXT         NOT NULL,
    -- eventId of the transfer that triggered it: a rule fires at most once per transfer, even
    -- when Kafka redelivers the event
    trigger_event_id VARCHAR(200) NOT NULL,
    raised_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (rule, trigger_event_id)
);
CREATE INDEX fraud_alert_subject ON fraud_alert (subject_address);
CREATE INDEX fraud_alert_raised_at ON fraud_alert (raised_at DESC);
