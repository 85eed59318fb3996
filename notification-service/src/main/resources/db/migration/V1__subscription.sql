-- Who wants to hear about which events, and where: a webhook URL or an email address.
CREATE TABLE subscription (
    id          UUID          PRIMARY KEY,
    name        VARCHAR(100)  NOT NULL,
    channel     VARCHAR(16)   NOT NULL CHECK (channel IN ('WEBHOOK', 'EMAIL')),
    target      VARCHAR(2048) NOT NULL,
    -- webhook types such as transfer.confirmed or fraud.alert; empty means every type
    event_types TEXT[]        NOT NULL DEFAULT '{}',
    -- only events touching this address (lowercase); null means any address
    address     VARCHAR(42)   CHECK (address ~ '^0x[0-9a-f]{40}$'),
    active      BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);
