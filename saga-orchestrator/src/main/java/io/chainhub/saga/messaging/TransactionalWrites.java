package io.chainhub.saga.messaging;

import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Function;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes of a transaction that nothing in it reads back (journal lines, outbox rows, timeline,
 * timers, saga columns), held until just before the commit and then sent as one JDBC batch per
 * statement (multi-row inserts with {@code reWriteBatchedInserts}): a poll of 500 replies costs a
 * handful of round trips instead of thousands. Statements run in the order they were first added and,
 * per statement, in the order of their rows; a write given a key replaces an earlier one with the same
 * key (a timer started then stopped in one transaction ends stopped). A failure surfaces at commit and
 * rolls everything back. Call {@link #flush()} before reading what was written. Outside a
 * transaction a write runs at once.
 */
@Component
public class TransactionalWrites {

    private final JdbcTemplate jdbc;

    TransactionalWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How a constraint violation of a statement is reported (e.g. a negative balance as insufficient funds). */
    public interface Violation extends Function<DataIntegrityViolationException, RuntimeException> {
    }

    public void add(String sql, Object... params) {
        add(sql, null, params);
    }

    public void add(String sql, Violation onViolation, Object... params) {
        Pending pending = pending();
        if (pending == null) {
            execute(sql, java.util.Collections.singletonList(params), onViolation);
        } else {
            pending.ordered.computeIfAbsent(sql, s -> new Rows(onViolation)).add(params);
        }
    }

    /** A write that replaces any earlier write with the same {@code key} in this transaction. */
    public void put(String key, String sql, Object... params) {
        merge(key, sql, (earlier, later) -> later, params);
    }

    /**
     * A write folded into an earlier one with the same {@code key} and statement: several changes of
     * one row in a transaction become one UPDATE. {@code fold} gets the earlier and the later parameters.
     */
    public void merge(String key, String sql, BinaryOperator<Object[]> fold, Object... params) {
        Pending pending = pending();
        if (pending == null) {
            execute(sql, java.util.Collections.singletonList(params), null);
            return;
        }
        Keyed earlier = pending.keyed.remove(key); // re-inserted last: runs after the writes it replaces would have
        Object[] folded = earlier != null && earlier.sql().equals(sql) ? fold.apply(earlier.params(), params) : params;
        pending.keyed.put(key, new Keyed(sql, folded));
    }

    /** Sends what is pending now, so that a following read sees it. */
    public void flush() {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending != null) {
            pending.flush();
        }
    }

    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            Pending bound = pending;
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    bound.flush();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TransactionalWrites.this);
                }
            });
        }
        return pending;
    }

    private void execute(String sql, List<Object[]> rows, Violation onViolation) {
        rows.forEach(TransactionalWrites::typeNulls);
        try {
            if (rows.size() == 1) {
                jdbc.update(sql, rows.getFirst());
            } else {
                jdbc.batchUpdate(sql, rows);
            }
        } catch (DataIntegrityViolationException e) {
            throw onViolation == null ? e : onViolation.apply(e);
        }
    }

    /** NULL of no declared type: the server infers it, and the driver need not ask for the statement's metadata. */
    private static void typeNulls(Object[] params) {
        for (int i = 0; i < params.length; i++) {
            if (params[i] == null) {
                params[i] = UNTYPED_NULL;
            }
        }
    }

    private static final SqlParameterValue UNTYPED_NULL = new SqlParameterValue(Types.NULL, null);

    private static final class Rows {
        final Violation onViolation;
        final List<Object[]> rows = new ArrayList<>();

        Rows(Violation onViolation) {
            this.onViolation = onViolation;
        }

        void add(Object[] params) {
            rows.add(params);
        }
    }

    private record Keyed(String sql, Object[] params) {
    }

    private final class Pending {
        final Map<String, Rows> ordered = new LinkedHashMap<>();
        final Map<String, Keyed> keyed = new LinkedHashMap<>();

        void flush() {
            for (Map.Entry<String, Rows> statement : ordered.entrySet()) {
                execute(statement.getKey(), statement.getValue().rows, statement.getValue().onViolation);
            }
            ordered.clear();
            Map<String, List<Object[]>> bySql = new LinkedHashMap<>();
            keyed.values().forEach(write -> bySql.computeIfAbsent(write.sql(), s -> new ArrayList<>()).add(write.params()));
            keyed.clear();
            bySql.forEach((sql, rows) -> execute(sql, rows, null));
        }
    }
}
