package io.chainhub.saga.withdrawal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.chainhub.saga.messaging.TransactionalWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Withdrawal rows, their approvals and timeline. */
@Component
class WithdrawalStore {

    private static final String SNAPSHOT = """
            SELECT w.id, w.account_id, a.account_group, w.asset_id, s.chain_id, s.token, w.amount, w.destination,
                   w.requested_by, w.state, w.approvals_required, w.eligible_approvers, w.tx_hash,
                   w.broadcast_attempts, w.created_at
            FROM withdrawal w JOIN account a ON a.id = w.account_id JOIN asset s ON s.id = w.asset_id
            WHERE w.id = ANY (CAST(? AS uuid[]))""";

    private final JdbcClient jdbc;
    private final TransactionalWrites writes;

    WithdrawalStore(JdbcClient jdbc, TransactionalWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    void insert(UUID id, UUID account, long asset, BigInteger amount, String destination, String requestedBy,
                String idempotencyKey, String requestHash) {
        jdbc.sql("""
                INSERT INTO withdrawal (id, account_id, asset_id, amount, destination, requested_by, idempotency_key,
                                        request_hash, state)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'SCREENING')""")
                .params(id, account, asset, new BigDecimal(amount), destination, requestedBy, idempotencyKey, requestHash)
                .update();
    }

    /**
     * The snapshots the saga decides on, rows locked until the transaction ends: one query for a whole
     * poll of replies, locked in id order so that two instances never deadlock on the same sagas.
     */
    Map<UUID, Withdrawal> lock(Collection<UUID> ids) {
        String[] keys = ids.stream().map(UUID::toString).toArray(String[]::new);
        Map<UUID, Set<String>> approvers = new HashMap<>();
        Map<UUID, Withdrawal> locked = new HashMap<>();
        jdbc.sql(SNAPSHOT + " ORDER BY w.id FOR UPDATE OF w").param(keys).query((rs, n) -> {
            UUID id = rs.getObject("id", UUID.class);
            Withdrawal w = new Withdrawal(id, rs.getObject("account_id", UUID.class), rs.getString("account_group"),
                    rs.getLong("asset_id"), rs.getLong("chain_id"), rs.getString("token"),
                    rs.getBigDecimal("amount").toBigIntegerExact(), rs.getString("destination"), rs.getString("requested_by"),
                    WithdrawalState.valueOf(rs.getString("state")), rs.getInt("approvals_required"),
                    split(rs.getString("eligible_approvers")), approvers.computeIfAbsent(id, k -> new LinkedHashSet<>()),
                    rs.getString("tx_hash"), rs.getInt("broadcast_attempts"), rs.getTimestamp("created_at").toInstant());
            return locked.put(id, w);
        }).list();
        jdbc.sql("""
                SELECT withdrawal_id, approver FROM withdrawal_approval
                WHERE withdrawal_id = ANY (CAST(? AS uuid[])) AND decision = 'APPROVE' ORDER BY decided_at""")
                .param(keys).query((rs, n) -> approvers.get(rs.getObject(1, UUID.class)).add(rs.getString(2))).list();
        return locked;
    }

    Optional<String[]> byIdempotencyKey(String user, String key) {
        return jdbc.sql("SELECT id::text, request_hash FROM withdrawal WHERE requested_by = ? AND idempotency_key = ?")
                .params(user, key).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
    }

    // The writes below go out with the transaction's other writes, just before its commit; the changes of
    // one withdrawal row in a transaction (state, screening, policy, tx hash, attempts) fold into ONE update.

    private static final String UPDATE_ROW = """
            UPDATE withdrawal SET state = coalesce(?, state), reason = coalesce(?, reason),
                   screening_decision = coalesce(?, screening_decision), policy_version = coalesce(?, policy_version),
                   policy_outcome = coalesce(?, policy_outcome), approvals_required = coalesce(?, approvals_required),
                   eligible_approvers = CASE WHEN ? THEN ? ELSE eligible_approvers END,
                   tx_hash = coalesce(?, tx_hash), confirmations = coalesce(?, confirmations),
                   broadcast_attempts = coalesce(?, broadcast_attempts), updated_at = now()
            WHERE id = ?""";
    private static final int ELIGIBLE_SET = 6;

    /** Parameters of {@link #UPDATE_ROW}: null is "unchanged" (the eligible approvers carry a flag, as null is a value). */
    private void change(UUID id, int column, Object value, Object... more) {
        Object[] params = new Object[12];
        params[column] = value;
        System.arraycopy(more, 0, params, column + 1, more.length);
        params[11] = id;
        writes.merge("withdrawal:" + id, UPDATE_ROW, WithdrawalStore::fold, params);
    }

    private static Object[] fold(Object[] earlier, Object[] later) {
        Object[] folded = earlier.clone();
        for (int i = 0; i < later.length; i++) {
            boolean eligibleValue = i == ELIGIBLE_SET + 1;
            if (eligibleValue ? Boolean.TRUE.equals(later[ELIGIBLE_SET]) : later[i] != null) {
                folded[i] = later[i];
            }
        }
        return folded;
    }

    void state(UUID id, WithdrawalState state, String reason) {
        change(id, 0, state.name(), reason);
    }

    void screening(UUID id, String decision) {
        change(id, 2, decision);
    }

    void policy(UUID id, int version, String outcome, int approvals, List<String> eligible) {
        change(id, 3, version, outcome, approvals, Boolean.TRUE, eligible.isEmpty() ? null : String.join(",", eligible));
    }

    void approval(UUID id, String approver, String decision, String comment) {
        writes.add("INSERT INTO withdrawal_approval (withdrawal_id, approver, decision, comment) VALUES (?, ?, ?, ?)",
                id, approver, decision, comment);
    }

    void txHash(UUID id, String txHash, Long confirmations) {
        change(id, 8, txHash, confirmations);
    }

    /** The attempt number is the locked snapshot's plus one: the row lock makes it exact. */
    void broadcastAttempts(UUID id, int attempts) {
        change(id, 10, attempts);
    }

    /** {@code count} ids of the timeline's sequence, so that events can name their transition before it is written. */
    Deque<Long> transitionIds(int count) {
        return new ArrayDeque<>(jdbc.sql("SELECT nextval(pg_get_serial_sequence('saga_transition', 'id')) FROM generate_series(1, ?)")
                .param(count).query(Long.class).list());
    }

    void transition(long id, String sagaId, WithdrawalState from, WithdrawalState to, String cause, String actor, String detail) {
        writes.add("""
                INSERT INTO saga_transition (id, saga_id, from_state, to_state, cause, actor, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", id, sagaId, from == null ? null : from.name(), to.name(), cause, actor,
                truncate(detail));
    }

    /** Sum of the account's live withdrawals of an asset within {@code window}, {@code excluded} left out. */
    BigInteger recentTotal(UUID account, long asset, UUID excluded, Duration window) {
        writes.flush(); // earlier steps of this transaction may have ended withdrawals of the account
        BigDecimal total = jdbc.sql("""
                SELECT coalesce(sum(amount), 0) FROM withdrawal
                WHERE account_id = ? AND asset_id = ? AND id <> ? AND created_at >= ?
                  AND state NOT IN ('REJECTED', 'CANCELLED', 'EXPIRED', 'FAILED')""")
                .params(account, asset, excluded, java.sql.Timestamp.from(Instant.now().minus(window)))
                .query(BigDecimal.class).single();
        return total.toBigIntegerExact();
    }

    static String truncate(String detail) {
        return detail == null || detail.length() <= 500 ? detail : detail.substring(0, 497) + "...";
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
    }
}
