package io.chainhub.saga.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Append-only, hash-chained audit journal: each entry carries the SHA-256 of the previous one, so
 * editing or deleting any entry breaks the chain from there on ({@link #verify()}). Appends are
 * serialised by a transaction-scoped advisory lock and committed with what they record.
 */
@Component
public class AuditJournal {

    static final String GENESIS = "0".repeat(64);
    private static final long APPEND_LOCK = 0x5A6A_0002L;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    AuditJournal(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Appends an entry in the caller's transaction. Entries are chained and inserted together just
     * before the commit, so the lock that serialises the chain is held for the commit only, not for
     * the whole transaction, and a transaction of 500 steps takes it once.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String actor, String kind, String subject, String detail) {
        // microseconds: what PostgreSQL keeps, so the hash recomputes from the stored row
        pending().add(new AuditEntry(0, Instant.now().truncatedTo(ChronoUnit.MICROS), actor, kind, subject,
                detail == null ? "" : detail, null, null));
    }

    private List<AuditEntry> pending() {
        @SuppressWarnings("unchecked")
        List<AuditEntry> pending = (List<AuditEntry>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<AuditEntry> created = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    chain(created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(AuditJournal.this);
                }
            });
            pending = created;
        }
        return pending;
    }

    private void chain(List<AuditEntry> drafts) {
        if (drafts.isEmpty()) {
            return;
        }
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(APPEND_LOCK).query().singleRow();
        var last = jdbc.sql("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).optional();
        long seq = last.map(row -> (Long) row[0]).orElse(0L);
        String prev = last.map(row -> (String) row[1]).orElse(GENESIS);
        List<Object[]> rows = new ArrayList<>(drafts.size());
        for (AuditEntry draft : drafts) {
            AuditEntry entry = new AuditEntry(++seq, draft.at(), draft.actor(), draft.kind(), draft.subject(), draft.detail(),
                    prev, null);
            prev = hash(entry);
            rows.add(new Object[] {entry.seq(), java.sql.Timestamp.from(entry.at()), entry.actor(), entry.kind(),
                    entry.subject(), entry.detail(), entry.prevHash(), prev});
        }
        batch.batchUpdate("INSERT INTO audit_entry (seq, at, actor, kind, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
        drafts.clear();
    }

    public List<AuditEntry> entries(String subject, int limit) {
        String where = subject == null ? "" : " WHERE subject = :subject";
        var spec = jdbc.sql("SELECT seq, at, actor, kind, subject, detail, prev_hash, hash FROM audit_entry" + where
                + " ORDER BY seq DESC LIMIT :limit").param("limit", limit);
        if (subject != null) {
            spec = spec.param("subject", subject);
        }
        return spec.query(AuditEntry.class).list();
    }

    /** Walks the whole chain; the first broken link is reported. */
    public Verification verify() {
        String expectedPrev = GENESIS;
        long expectedSeq = 1;
        long count = 0;
        List<AuditEntry> all = jdbc.sql("SELECT seq, at, actor, kind, subject, detail, prev_hash, hash FROM audit_entry ORDER BY seq")
                .query(AuditEntry.class).list();
        for (AuditEntry entry : all) {
            if (entry.seq() != expectedSeq) {
                return Verification.broken(count, entry.seq(), "entry " + expectedSeq + " is missing (deleted)");
            }
            if (!entry.prevHash().equals(expectedPrev)) {
                return Verification.broken(count, entry.seq(), "prev_hash does not match the previous entry's hash");
            }
            if (!hash(entry).equals(entry.hash())) {
                return Verification.broken(count, entry.seq(), "content does not match its hash (edited)");
            }
            expectedPrev = entry.hash();
            expectedSeq++;
            count++;
        }
        return new Verification(true, count, null, null, expectedPrev);
    }

    static String hash(AuditEntry entry) {
        String canonical = String.join("\u001f", entry.prevHash(), Long.toString(entry.seq()), entry.at().toString(),
                entry.actor(), entry.kind(), entry.subject(), entry.detail());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param valid     true when the whole chain verifies
     * @param verified  entries verified before the first broken one
     * @param brokenAt  seq of the first broken entry
     * @param head      hash of the last entry (publish it elsewhere to detect truncation of the tail)
     */
    public record Verification(boolean valid, long verified, Long brokenAt, String problem, String head) {

        static Verification broken(long verified, long at, String problem) {
            return new Verification(false, verified, at, problem, null);
        }
    }
}
