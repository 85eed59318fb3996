-- Who wants to hear about which events, and where: a webhook endpoint and/or an email address.
CREATE TABLE subscription (
    id                         UUID          PRIMARY KEY,
    name                       VARCHAR(100)  NOT NULL,
    status                     VARCHAR(16)   NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED')),
    -- transfer.observed, transfer.confirmed, transfer.reverted, fraud.alert, custody.* or custody.<kind>
    event_types                TEXT[]        NOT NULL,
    -- matching criteria: empty array / null = any
    addresses                  TEXT[]        NOT NULL DEFAULT '{}',
    address_role               VARCHAR(8)    NOT NULL DEFAULT 'EITHER' CHECK (address_role IN ('SENDER', 'RECEIVER', 'EITHER')),
    tokens                     TEXT[]        NOT NULL DEFAULT '{}',
    standards                  TEXT[]        NOT NULL DEFAULT '{}',
    min_value                  NUMERIC(78, 0),
    chain_id                   BIGINT,
    min_severity               VARCHAR(16),
    -- webhook channel
    webhook_url                VARCHAR(2048),
    webhook_enabled            BOOLEAN       NOT NULL DEFAULT TRUE,
    webhook_disabled_reason    VARCHAR(500),
    webhook_failing_since      TIMESTAMPTZ,
    -- HMAC keys (whsec_...): needed in clear to sign; the previous one signs too until it expires
    secret                     VARCHAR(100),
    previous_secret            VARCHAR(100),
    previous_secret_expires_at TIMESTAMPTZ,
    -- email channel
    email                      VARCHAR(320),
    email_max_per_hour         INT           NOT NULL DEFAULT 20,
    -- who is told when the endpoint gets disabled
    owner_email                VARCHAR(320),
    created_by                 VARCHAR(200),
    created_at                 TIMESTAMPTZ   NOT NULL,
    updated_at                 TIMESTAMPTZ   NOT NULL,
    CHECK (webhook_url IS NOT NULL OR email IS NOT NULL)
);

-- Idempotency-Key of POST /api/subscriptions: same key + same body = the original answer.
CREATE TABLE idempotency_key (
    idempotency_key VARCHAR(255) PRIMARY KEY,
    request_hash    VARCHAR(64)  NOT NULL,
    response_status INT          NOT NULL,
    response_body   TEXT         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL
);

-- One row per (event, subscription, channel): the unique delivery_key makes re-consumption harmless.
CREATE TABLE delivery (
    id              UUID          PRIMARY KEY,
    delivery_key    VARCHAR(600)  NOT NULL UNIQUE,
    subscription_id UUID          NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    channel         VARCHAR(8)    NOT NULL CHECK (channel IN ('WEBHOOK', 'EMAIL')),
    webhook_id      VARCHAR(64)   NOT NULL,
    event_type      VARCHAR(64)   NOT NULL,
    -- what the event is about (transfer eventId, alert id, saga id): finds the original of a revert
    subject         VARCHAR(300),
    severity        VARCHAR(16),
    payload         TEXT          NOT NULL,
    status          VARCHAR(16)   NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED', 'DIGEST_PENDING', 'DIGESTED')),
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    last_status     INT,
    last_error      VARCHAR(1000),
    created_at      TIMESTAMPTZ   NOT NULL,
    completed_at    TIMESTAMPTZ
);
CREATE INDEX delivery_due ON delivery (channel, next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX delivery_due_per_endpoint ON delivery (subscription_id, next_attempt_at) WHERE status = 'PENDING' AND channel = 'WEBHOOK';
CREATE INDEX delivery_by_subscription ON delivery (subscription_id, created_at);
CREATE INDEX delivery_by_subject ON delivery (subscription_id, subject);
CREATE INDEX delivery_digest ON delivery (subscription_id) WHERE status = 'DIGEST_PENDING';

-- Every try of a delivery, for the attempts log.
CREATE TABLE delivery_attempt (
    id           BIGSERIAL     PRIMARY KEY,
    delivery_id  UUID          NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
    attempt      INT           NOT NULL,
    attempted_at TIMESTAMPTZ   NOT NULL,
    outcome      VARCHAR(16)   NOT NULL,
    status_code  INT,
    error        VARCHAR(1000),
    duration_ms  BIGINT        NOT NULL
);
CREATE INDEX delivery_attempt_by_delivery ON delivery_attempt (delivery_id, attempt);

-- Consumer progress, written in the same transaction as the delivery rows it produced.
CREATE TABLE consumer_offset (
    consumer_group VARCHAR(255) NOT NULL,
    topic          VARCHAR(255) NOT NULL,
    partition_id   INT          NOT NULL,
    next_offset    BIGINT       NOT NULL,
    PRIMARY KEY (consumer_group, topic, partition_id)
);
