-- Custody accounts: one per owner, chain, deposit address and asset.
CREATE TABLE account (
    id         UUID         PRIMARY KEY,
    owner      VARCHAR(128) NOT NULL,
    chain_id   BIGINT       NOT NULL,
    address    VARCHAR(42)  NOT NULL CHECK (address ~ '^0x[0-9a-f]{40}$'),
    -- token contract address (lowercase) or 'native' for the chain's own coin
    asset      VARCHAR(42)  NOT NULL,
    decimals   SMALLINT     NOT NULL CHECK (decimals BETWEEN 0 AND 77),
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (chain_id, address, asset)
);

-- Append-only ledger: a balance is the sum of its entries, never a column that is updated, so
-- every change has a saga that explains it. Amounts are base units (NUMERIC(78) holds a uint256).
CREATE TABLE journal_entry (
    id         UUID           PRIMARY KEY,
    account_id UUID           NOT NULL REFERENCES account (id),
    saga_id    UUID,
    direction  VARCHAR(6)     NOT NULL CHECK (direction IN ('CREDIT', 'DEBIT')),
    amount     NUMERIC(78, 0) NOT NULL CHECK (amount > 0),
    created_at TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX journal_entry_account ON journal_entry (account_id);
CREATE INDEX journal_entry_saga ON journal_entry (saga_id);
