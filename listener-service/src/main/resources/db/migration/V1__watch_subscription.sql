-- Addresses (token contracts or accounts) the listener is asked to follow. Addresses are stored
-- lowercase, as SPEC.md emits them, so equality is plain string equality.
-- (The listener's progress is NOT here: it is committed to the listener-checkpoints topic in the
-- same Kafka transaction as the events it covers.)
CREATE TABLE watch_subscription (
    id         UUID         PRIMARY KEY,
    chain_id   BIGINT       NOT NULL,
    address    VARCHAR(42)  NOT NULL CHECK (address ~ '^0x[0-9a-f]{40}$'),
    label      VARCHAR(100),
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (chain_id, address)
);
