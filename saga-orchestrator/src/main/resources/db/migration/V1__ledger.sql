-- Custody ledger. Balances are a projection of an append-only double-entry journal: code only
-- inserts journal lines; triggers keep `balance` equal to their sums and refuse unbalanced journal
-- transactions; CHECK constraints refuse any negative customer balance. Amounts are base units
-- (NUMERIC(78) holds a uint256).

CREATE TABLE account (
    id            UUID         PRIMARY KEY,
    owner         VARCHAR(128) NOT NULL,
    -- policies select accounts by group (e.g. 'treasury', 'retail')
    account_group VARCHAR(64)  NOT NULL DEFAULT 'default',
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- An asset is a token on a chain; token 'native' for the chain's own coin.
CREATE TABLE asset (
    id         BIGSERIAL    PRIMARY KEY,
    chain_id   BIGINT       NOT NULL,
    token      VARCHAR(42)  NOT NULL CHECK (token = 'native' OR token ~ '^0x[0-9a-f]{40}$'),
    symbol     VARCHAR(32),
    decimals   SMALLINT     NOT NULL CHECK (decimals BETWEEN 0 AND 77),
    UNIQUE (chain_id, token)
);

-- Deposit addresses: any fungible transfer to one of them credits its account.
CREATE TABLE deposit_address (
    chain_id   BIGINT      NOT NULL,
    address    VARCHAR(42) NOT NULL CHECK (address ~ '^0x[0-9a-f]{40}$'),
    account_id UUID        NOT NULL REFERENCES account (id),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (chain_id, address)
);

-- One line per bucket movement. account_id NULL with bucket EXTERNAL is the other side of the
-- books: the outside world (chain) from which deposits come and to which withdrawals go.
CREATE TABLE journal_entry (
    id         BIGSERIAL      PRIMARY KEY,
    journal_tx UUID           NOT NULL,
    account_id UUID           REFERENCES account (id),
    asset_id   BIGINT         NOT NULL REFERENCES asset (id),
    bucket     VARCHAR(9)     NOT NULL CHECK (bucket IN ('AVAILABLE', 'HELD', 'PENDING', 'EXTERNAL')),
    amount     NUMERIC(78, 0) NOT NULL CHECK (amount <> 0),
    saga_id    VARCHAR(300)   NOT NULL,
    reason     VARCHAR(64)    NOT NULL,
    created_at TIMESTAMPTZ    NOT NULL DEFAULT now(),
    CHECK ((account_id IS NULL) = (bucket = 'EXTERNAL'))
);
CREATE INDEX journal_entry_account ON journal_entry (account_id, asset_id);
CREATE INDEX journal_entry_tx ON journal_entry (journal_tx);
-- A money movement happens at most once per saga: the same reason (hold, release, settle,
-- deposit.credited...) cannot be posted twice for one saga, whatever the redeliveries.
CREATE UNIQUE INDEX journal_entry_once ON journal_entry (saga_id, reason, bucket);

CREATE TABLE balance (
    account_id UUID           NOT NULL REFERENCES account (id),
    asset_id   BIGINT         NOT NULL REFERENCES asset (id),
    available  NUMERIC(78, 0) NOT NULL DEFAULT 0 CONSTRAINT available_not_negative CHECK (available >= 0),
    held       NUMERIC(78, 0) NOT NULL DEFAULT 0 CONSTRAINT held_not_negative CHECK (held >= 0),
    pending    NUMERIC(78, 0) NOT NULL DEFAULT 0 CONSTRAINT pending_not_negative CHECK (pending >= 0),
    PRIMARY KEY (account_id, asset_id)
);

-- The journal is append-only.
CREATE FUNCTION journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'journal_entry is append-only';
END $$;
CREATE TRIGGER journal_no_update BEFORE UPDATE OR DELETE ON journal_entry
    FOR EACH STATEMENT EXECUTE FUNCTION journal_append_only();

-- The balance projection moves with every line, in the same transaction.
CREATE FUNCTION journal_to_balance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.account_id IS NULL THEN
        RETURN NEW;
    END IF;
    INSERT INTO balance (account_id, asset_id) VALUES (NEW.account_id, NEW.asset_id)
        ON CONFLICT DO NOTHING;
    UPDATE balance SET
        available = available + CASE WHEN NEW.bucket = 'AVAILABLE' THEN NEW.amount ELSE 0 END,
        held      = held      + CASE WHEN NEW.bucket = 'HELD' THEN NEW.amount ELSE 0 END,
        pending   = pending   + CASE WHEN NEW.bucket = 'PENDING' THEN NEW.amount ELSE 0 END
    WHERE account_id = NEW.account_id AND asset_id = NEW.asset_id;
    RETURN NEW;
END $$;
CREATE TRIGGER journal_balance AFTER INSERT ON journal_entry
    FOR EACH ROW EXECUTE FUNCTION journal_to_balance();

-- Double entry: at commit, every journal transaction sums to zero per asset.
CREATE FUNCTION journal_tx_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM journal_entry WHERE journal_tx = NEW.journal_tx
               GROUP BY asset_id HAVING sum(amount) <> 0) THEN
        RAISE EXCEPTION 'journal transaction % does not balance', NEW.journal_tx;
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER journal_balanced AFTER INSERT ON journal_entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_tx_balanced();

-- The invariant as a query: rows here mean the projection drifted from the journal.
CREATE VIEW ledger_discrepancy AS
SELECT coalesce(b.account_id, j.account_id) AS account_id, coalesce(b.asset_id, j.asset_id) AS asset_id,
       b.available, b.held, b.pending, j.available AS journal_available, j.held AS journal_held,
       j.pending AS journal_pending
FROM balance b
FULL JOIN (SELECT account_id, asset_id,
                  sum(amount) FILTER (WHERE bucket = 'AVAILABLE') AS available,
                  sum(amount) FILTER (WHERE bucket = 'HELD') AS held,
                  sum(amount) FILTER (WHERE bucket = 'PENDING') AS pending
           FROM journal_entry WHERE account_id IS NOT NULL GROUP BY account_id, asset_id) j
     ON j.account_id = b.account_id AND j.asset_id = b.asset_id
WHERE b.account_id IS NULL OR j.account_id IS NULL
   OR b.available <> coalesce(j.available, 0) OR b.held <> coalesce(j.held, 0)
   OR b.pending <> coalesce(j.pending, 0)
   OR b.available < 0 OR b.held < 0 OR b.pending < 0;
