package io.chainhub.saga.ledger;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.UUID;

import io.chainhub.saga.messaging.TransactionalWrites;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Posts balanced journal transactions. Balances follow by trigger; the database refuses negative
 * balances, unbalanced transactions and a second posting of the same reason for the same saga.
 * Lines are sent with the transaction's other writes, just before it commits ({@link TransactionalWrites}).
 */
@Component
public class Ledger {

    private static final String JOURNAL_LINE = """
            INSERT INTO journal_entry (journal_tx, account_id, asset_id, bucket, amount, saga_id, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final TransactionalWrites writes;

    Ledger(JdbcClient jdbc, TransactionalWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** Deposit seen at 0 confirmations: outside → pending. */
    public void pendingCredit(String sagaId, UUID account, long asset, BigInteger amount) {
        post(sagaId, "deposit.pending", asset, Posting.move(account, Bucket.EXTERNAL, Bucket.PENDING, amount));
    }

    /** Deposit confirmed: pending → available (or straight from outside when never seen pending). */
    public void credit(String sagaId, UUID account, long asset, BigInteger amount, boolean wasPending) {
        post(sagaId, "deposit.credited", asset,
                Posting.move(account, wasPending ? Bucket.PENDING : Bucket.EXTERNAL, Bucket.AVAILABLE, amount));
    }

    /** Compensation of a deposit removed by a reorg: back out of custody from where it was. */
    public void reverse(String sagaId, UUID account, long asset, BigInteger amount, Bucket from) {
        post(sagaId, "deposit.reversed", asset, Posting.move(account, from, Bucket.EXTERNAL, amount));
    }

    public void hold(String sagaId, UUID account, long asset, BigInteger amount) {
        post(sagaId, "withdrawal.hold", asset, Posting.move(account, Bucket.AVAILABLE, Bucket.HELD, amount));
    }

    public void release(String sagaId, UUID account, long asset, BigInteger amount) {
        post(sagaId, "withdrawal.release", asset, Posting.move(account, Bucket.HELD, Bucket.AVAILABLE, amount));
    }

    public void settle(String sagaId, UUID account, long asset, BigInteger amount) {
        post(sagaId, "withdrawal.settle", asset, Posting.move(account, Bucket.HELD, Bucket.EXTERNAL, amount));
    }

    void post(String sagaId, String reason, long asset, Posting... postings) {
        UUID journalTx = UUID.randomUUID();
        for (Posting posting : postings) {
            writes.add(JOURNAL_LINE, e -> refused(e, sagaId, reason, postings[postings.length - 1].amount()),
                    journalTx, posting.account(), asset, posting.bucket().name(), new BigDecimal(posting.amount()), sagaId, reason);
        }
    }

    /** What the database's refusal means: an overdraft, or a movement posted twice. */
    private static RuntimeException refused(DataIntegrityViolationException e, String sagaId, String reason, BigInteger amount) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage()) + " " + e.getMessage();
        if (message.contains("_not_negative")) {
            return new InsufficientFundsException("insufficient " + bucketOf(message) + " balance for " + reason + " of " + amount);
        }
        if (message.contains("journal_entry_once")) {
            return new IllegalStateException(reason + " already posted for saga " + sagaId, e);
        }
        return e;
    }

    private static String bucketOf(String message) {
        return message.contains("held_") ? "held" : message.contains("pending_") ? "pending" : "available";
    }

    /** The invariant: rows where a balance differs from its journal or is negative (empty when sound). */
    public List<String> discrepancies() {
        return jdbc.sql("SELECT account_id || '/' || asset_id || ': ' || coalesce(available::text, 'none') || '/' "
                        + "|| coalesce(held::text, 'none') || '/' || coalesce(pending::text, 'none') FROM ledger_discrepancy")
                .query(String.class).list();
    }

    /** Journal transactions whose lines do not sum to zero per asset (empty when sound). */
    public List<String> unbalancedTransactions() {
        return jdbc.sql("SELECT journal_tx::text FROM journal_entry GROUP BY journal_tx, asset_id HAVING sum(amount) <> 0")
                .query(String.class).list();
    }
}
