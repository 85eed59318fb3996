-- Progress of the listener per chain: where to resume after a restart.
CREATE TABLE chain_checkpoint (
    chain_id        BIGINT      PRIMARY KEY,
    last_block      BIGINT      NOT NULL CHECK (last_block >= 0),
    last_block_hash VARCHAR(66) NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Addresses (token contracts or accounts) the listener is asked to follow. Addresses are stored
-- lowercase, as SPEC.md emits them, so equality is plain string equality.
CREATE TABLE watch_subscription (
    id         UUID         PRIMARY KEY,
    chain_id   BIGINT       NOT NULL,
    address    VARCHAR(42)  NOT NULL CHECK (address ~ '^0x[0-9a-f]{40}$'),
    label      VARCHAR(100),
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (chain_id, address)
);
