-- Inbox: one row per consumed message id (ce_id), inserted in the same transaction as the state
-- change it caused, so a redelivered message changes nothing.
CREATE TABLE inbox_message (
    message_id   VARCHAR(400) PRIMARY KEY,
    topic        VARCHAR(255) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Outbox: commands and events written with the state change, published by the relay in Kafka
-- transactions. message_id becomes ce_id (deterministic: consumers deduplicate on it).
CREATE TABLE outbox_message (
    id           BIGSERIAL    PRIMARY KEY,
    message_id   VARCHAR(400) NOT NULL UNIQUE,
    topic        VARCHAR(255) NOT NULL,
    message_key  VARCHAR(300) NOT NULL,
    ce_type      VARCHAR(200) NOT NULL,
    ce_subject   VARCHAR(300),
    payload      TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_unpublished ON outbox_message (id) WHERE published_at IS NULL;

-- Durable timers: approval expiry, confirmation timeout. Polled by a scheduler; survive restarts.
CREATE TABLE saga_timer (
    saga_id VARCHAR(300) NOT NULL,
    kind    VARCHAR(40)  NOT NULL,
    due_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (saga_id, kind)
);
CREATE INDEX saga_timer_due ON saga_timer (due_at);

-- Deposit saga: one per transfer inclusion (transfer eventId @ blockHash).
CREATE TABLE deposit (
    id               VARCHAR(300)   PRIMARY KEY,
    transfer_id      VARCHAR(200)   NOT NULL,
    account_id       UUID           NOT NULL REFERENCES account (id),
    asset_id         BIGINT         NOT NULL REFERENCES asset (id),
    chain_id         BIGINT         NOT NULL,
    tx_hash          VARCHAR(66)    NOT NULL,
    block_number     BIGINT         NOT NULL,
    block_hash       VARCHAR(66)    NOT NULL,
    from_address     VARCHAR(42)    NOT NULL,
    to_address       VARCHAR(42)    NOT NULL,
    amount           NUMERIC(78, 0) NOT NULL CHECK (amount > 0),
    state            VARCHAR(16)    NOT NULL,
    created_at       TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX deposit_account ON deposit (account_id, created_at);

-- Withdrawal saga state.
CREATE TABLE withdrawal (
    id                 UUID           PRIMARY KEY,
    account_id         UUID           NOT NULL REFERENCES account (id),
    asset_id           BIGINT         NOT NULL REFERENCES asset (id),
    amount             NUMERIC(78, 0) NOT NULL CHECK (amount > 0),
    destination        VARCHAR(42)    NOT NULL,
    requested_by       VARCHAR(128)   NOT NULL,
    idempotency_key    VARCHAR(200),
    request_hash       CHAR(64),
    state              VARCHAR(24)    NOT NULL,
    screening_decision VARCHAR(16),
    policy_version     INT,
    policy_outcome     VARCHAR(24),
    approvals_required INT            NOT NULL DEFAULT 0,
    -- the M of an N-of-M quorum, comma-separated; NULL: anyone with the approver role
    eligible_approvers VARCHAR(1000),
    tx_hash            VARCHAR(66),
    confirmations      BIGINT,
    reason             VARCHAR(500),
    broadcast_attempts INT            NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ    NOT NULL DEFAULT now(),
    UNIQUE (requested_by, idempotency_key)
);
CREATE INDEX withdrawal_state ON withdrawal (state, created_at);
CREATE INDEX withdrawal_account ON withdrawal (account_id, asset_id, created_at);

CREATE TABLE withdrawal_approval (
    withdrawal_id UUID         NOT NULL REFERENCES withdrawal (id),
    approver      VARCHAR(128) NOT NULL,
    decision      VARCHAR(8)   NOT NULL CHECK (decision IN ('APPROVE', 'REJECT')),
    comment       VARCHAR(500),
    decided_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (withdrawal_id, approver)
);

-- The timeline: every transition of every saga.
CREATE TABLE saga_transition (
    id         BIGSERIAL    PRIMARY KEY,
    saga_id    VARCHAR(300) NOT NULL,
    from_state VARCHAR(24),
    to_state   VARCHAR(24)  NOT NULL,
    cause      VARCHAR(64)  NOT NULL,
    actor      VARCHAR(128),
    detail     VARCHAR(500),
    at         TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX saga_transition_saga ON saga_transition (saga_id, id);
