-- The balance projection moves once per INSERT statement instead of once per line. A poll's journal
-- lines go out as a few multi-row INSERTs; with a row trigger, 500 settles of one account updated the
-- same balance row 500 times in one transaction (a version chain each later update walks, and the
-- row's lock taken on the first line and held through the rest of the commit). Same invariant: the
-- deltas are the sums of the inserted lines, and the CHECKs still refuse any negative balance at the
-- end of the statement that would cause it (a hold above the available balance still fails its INSERT).
DROP TRIGGER journal_balance ON journal_entry;
DROP FUNCTION journal_to_balance();

CREATE FUNCTION journal_lines_to_balance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO balance (account_id, asset_id)
    SELECT DISTINCT account_id, asset_id FROM inserted_lines WHERE account_id IS NOT NULL
    ORDER BY 1, 2
    ON CONFLICT DO NOTHING;
    -- rows locked in key order: concurrent transactions touching several balances cannot deadlock
    PERFORM 1 FROM balance b
    WHERE (b.account_id, b.asset_id) IN (SELECT account_id, asset_id FROM inserted_lines WHERE account_id IS NOT NULL)
    ORDER BY b.account_id, b.asset_id
    FOR UPDATE;
    UPDATE balance b SET
        available = b.available + d.available,
        held      = b.held + d.held,
        pending   = b.pending + d.pending
    FROM (SELECT account_id, asset_id,
                 coalesce(sum(amount) FILTER (WHERE bucket = 'AVAILABLE'), 0) AS available,
                 coalesce(sum(amount) FILTER (WHERE bucket = 'HELD'), 0) AS held,
                 coalesce(sum(amount) FILTER (WHERE bucket = 'PENDING'), 0) AS pending
          FROM inserted_lines WHERE account_id IS NOT NULL
          GROUP BY account_id, asset_id) d
    WHERE b.account_id = d.account_id AND b.asset_id = d.asset_id;
    RETURN NULL;
END $$;

CREATE TRIGGER journal_balance AFTER INSERT ON journal_entry
    REFERENCING NEW TABLE AS inserted_lines
    FOR EACH STATEMENT EXECUTE FUNCTION journal_lines_to_balance();
