-- Withdrawal policy, versioned as a whole. A version is PROPOSED by one admin and becomes ACTIVE
-- only when a second, different admin approves it; the previous ACTIVE one becomes SUPERSEDED.
CREATE TABLE policy_version (
    version     INT          PRIMARY KEY,
    rules       TEXT         NOT NULL,
    state       VARCHAR(12)  NOT NULL CHECK (state IN ('PROPOSED', 'ACTIVE', 'SUPERSEDED', 'REJECTED')),
    proposed_by VARCHAR(128) NOT NULL,
    proposed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    decided_by  VARCHAR(128),
    decided_at  TIMESTAMPTZ,
    CHECK (decided_by IS NULL OR decided_by <> proposed_by)
);
CREATE UNIQUE INDEX policy_one_active ON policy_version (state) WHERE state = 'ACTIVE';

-- Version 1, until admins agree on another: every withdrawal needs 2 approvals.
INSERT INTO policy_version (version, rules, state, proposed_by, decided_by, decided_at)
VALUES (1, '[{"name":"default","requireApprovalAbove":"0","approvals":2}]', 'ACTIVE', 'system', 'flyway', now());

-- Hash-chained audit journal: hash = SHA-256(prev_hash | seq | at | actor | kind | subject | detail).
CREATE TABLE audit_entry (
    seq       BIGINT        PRIMARY KEY,
    at        TIMESTAMPTZ   NOT NULL,
    actor     VARCHAR(128)  NOT NULL,
    kind      VARCHAR(64)   NOT NULL,
    subject   VARCHAR(300)  NOT NULL,
    detail    TEXT          NOT NULL,
    prev_hash CHAR(64)      NOT NULL,
    hash      CHAR(64)      NOT NULL
);
