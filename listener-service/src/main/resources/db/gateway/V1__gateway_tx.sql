-- Chain gateway (custody withdrawals). Own Flyway history table (gateway_schema_history) so it never
-- interferes with the listener's migrations.

-- Next nonce per hot wallet; the row lock serialises signing per wallet.
CREATE TABLE gateway_nonce (
    chain_id   BIGINT      NOT NULL,
    address    VARCHAR(42) NOT NULL,
    next_nonce BIGINT      NOT NULL,
    PRIMARY KEY (chain_id, address)
);

-- Exactly one signed transaction per withdrawal, persisted BEFORE the first broadcast; every
-- (re)broadcast sends these same bytes.
CREATE TABLE gateway_tx (
    withdrawal_id VARCHAR(100) PRIMARY KEY,
    chain_id      BIGINT       NOT NULL,
    from_address  VARCHAR(42)  NOT NULL,
    nonce         BIGINT       NOT NULL,
    tx_hash       VARCHAR(66)  NOT NULL,
    raw_tx        TEXT         NOT NULL,
    confirmations INT          NOT NULL,
    state         VARCHAR(12)  NOT NULL CHECK (state IN ('SIGNED', 'BROADCAST', 'CONFIRMED', 'FAILED')),
    block_number  BIGINT,
    block_hash    VARCHAR(66),
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (chain_id, from_address, nonce)
);
CREATE INDEX gateway_tx_open ON gateway_tx (state) WHERE state IN ('SIGNED', 'BROADCAST');
