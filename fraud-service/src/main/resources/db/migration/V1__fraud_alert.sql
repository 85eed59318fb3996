-- Alerts: a projection of the fraud-alerts topic, plus the analyst workflow on top of it.
CREATE TABLE fraud_alert (
    id                 UUID         PRIMARY KEY,
    rule_id            VARCHAR(64)  NOT NULL,
    rule_version       INT          NOT NULL,
    chain_id           BIGINT       NOT NULL,
    subject_address    VARCHAR(42)  NOT NULL CHECK (subject_address ~ '^0x[0-9a-f]{40}$'),
    severity           VARCHAR(16)  NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    -- RETRACTED: a reorg removed every transfer behind it
    status             VARCHAR(16)  NOT NULL
        CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'FALSE_POSITIVE', 'RETRACTED')),
    summary            TEXT         NOT NULL,
    details            TEXT         NOT NULL,
    transfer_event_ids TEXT         NOT NULL,
    hit_count          INT          NOT NULL,
    first_seen         TIMESTAMPTZ  NOT NULL,
    last_seen          TIMESTAMPTZ  NOT NULL,
    raised_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX fraud_alert_subject ON fraud_alert (subject_address);
CREATE INDEX fraud_alert_raised_at ON fraud_alert (raised_at DESC);
CREATE INDEX fraud_alert_rule ON fraud_alert (rule_id, rule_version);

-- Who did what to an alert: the pipeline (RAISED/UPDATED/RETRACTED) and analysts (notes, transitions).
CREATE TABLE alert_activity (
    id         BIGSERIAL    PRIMARY KEY,
    alert_id   UUID         NOT NULL REFERENCES fraud_alert (id),
    action     VARCHAR(32)  NOT NULL,
    actor      VARCHAR(128) NOT NULL,
    note       TEXT,
    at         TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX alert_activity_alert ON alert_activity (alert_id, id);

-- Every version of every rule's configuration; the highest version is the current one.
CREATE TABLE rule_config (
    rule_id    VARCHAR(64)  NOT NULL,
    version    INT          NOT NULL,
    mode       VARCHAR(16)  NOT NULL CHECK (mode IN ('ACTIVE', 'SHADOW', 'DISABLED')),
    severity   VARCHAR(16)  NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    parameters TEXT         NOT NULL,
    changed_by VARCHAR(128) NOT NULL,
    changed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    comment    TEXT,
    PRIMARY KEY (rule_id, version)
);

-- Every hit of a rule, ACTIVE or SHADOW, from the fraud-rule-hits topic (unique: redelivery is harmless).
CREATE TABLE rule_hit (
    rule_id           VARCHAR(64)  NOT NULL,
    rule_version      INT          NOT NULL,
    mode              VARCHAR(16)  NOT NULL,
    chain_id          BIGINT       NOT NULL,
    subject_address   VARCHAR(42)  NOT NULL,
    transfer_event_id VARCHAR(200) NOT NULL,
    alert_id          UUID,
    hit_at            TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (rule_id, rule_version, mode, subject_address, transfer_event_id)
);

-- Watchlists, sanctions lists, mixer contracts: named lists of addresses.
CREATE TABLE watchlist_entry (
    list_name  VARCHAR(64)  NOT NULL CHECK (list_name ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    address    VARCHAR(42)  NOT NULL CHECK (address ~ '^0x[0-9a-f]{40}$'),
    label      TEXT,
    added_by   VARCHAR(128) NOT NULL,
    added_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (list_name, address)
);
CREATE INDEX watchlist_entry_address ON watchlist_entry (address);

-- Custody screening: one decision per command id, replayed as is when the command is redelivered.
CREATE TABLE screening_decision (
    command_id    VARCHAR(200) PRIMARY KEY,
    withdrawal_id VARCHAR(200) NOT NULL,
    reply         TEXT         NOT NULL,
    decided_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
