package io.chainhub.saga.withdrawal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
            WHERE w.id = ?""";

    private final JdbcClient jdbc;

    WithdrawalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /** The snapshot the saga decides on, row locked until the transaction ends. */
    Optional<Withdrawal> lock(UUID id) {
        return jdbc.sql(SNAPSHOT + " FOR UPDATE OF w").param(id).query((rs, n) -> new Withdrawal(
                rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("account_group"),
                rs.getLong("asset_id"), rs.getLong("chain_id"), rs.getString("token"),
                rs.getBigDecimal("amount").toBigIntegerExact(), rs.getString("destination"), rs.getString("requested_by"),
                WithdrawalState.valueOf(rs.getString("state")), rs.getInt("approvals_required"),
                split(rs.getString("eligible_approvers")), approvers(id), rs.getString("tx_hash"),
                rs.getInt("broadcast_attempts"), rs.getTimestamp("created_at").toInstant())).optional();
    }

    private LinkedHashSet<String> approvers(UUID id) {
        return new LinkedHashSet<>(jdbc.sql("SELECT approver FROM withdrawal_approval WHERE withdrawal_id = ? AND decision = 'APPROVE' ORDER BY decided_at")
                .param(id).query(String.class).list());
    }

    Optional<String[]> byIdempotencyKey(String user, String key) {
        return jdbc.sql("SELECT id::text, request_hash FROM withdrawal WHERE requested_by = ? AND idempotency_key = ?")
                .params(user, key).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
    }

    void state(UUID id, WithdrawalState state, String reason) {
        jdbc.sql("UPDATE withdrawal SET state = ?, reason = coalesce(?, reason), updated_at = now() WHERE id = ?")
                .params(state.name(), reason, id).update();
    }

    void screening(UUID id, String decision) {
        jdbc.sql("UPDATE withdrawal SET screening_decision = ? WHERE id = ?").params(decision, id).update();
    }

    void policy(UUID id, int version, String outcome, int approvals, List<String> eligible) {
        jdbc.sql("UPDATE withdrawal SET policy_version = ?, policy_outcome = ?, approvals_required = ?, eligible_approvers = ? WHERE id = ?")
                .params(version, outcome, approvals, eligible.isEmpty() ? null : String.join(",", eligible), id).update();
    }

    void approval(UUID id, String approver, String decision, String comment) {
        jdbc.sql("INSERT INTO withdrawal_approval (withdrawal_id, approver, decision, comment) VALUES (?, ?, ?, ?)")
                .params(id, approver, decision, comment).update();
    }

    void txHash(UUID id, String txHash, Long confirmations) {
        jdbc.sql("UPDATE withdrawal SET tx_hash = coalesce(?, tx_hash), confirmations = coalesce(?, confirmations) WHERE id = ?")
                .params(txHash, confirmations, id).update();
    }

    int nextBroadcastAttempt(UUID id) {
        return jdbc.sql("UPDATE withdrawal SET broadcast_attempts = broadcast_attempts + 1 WHERE id = ? RETURNING broadcast_attempts")
                .param(id).query(Integer.class).single();
    }

    long transition(String sagaId, WithdrawalState from, WithdrawalState to, String cause, String actor, String detail) {
        return jdbc.sql("""
                INSERT INTO saga_transition (saga_id, from_state, to_state, cause, actor, detail)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(sagaId, from == null ? null : from.name(), to.name(), cause, actor, truncate(detail))
                .query(Long.class).single();
    }

    /** Sum of the account's live withdrawals of an asset within {@code window}, {@code excluded} left out. */
    BigInteger recentTotal(UUID account, long asset, UUID excluded, Duration window) {
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
