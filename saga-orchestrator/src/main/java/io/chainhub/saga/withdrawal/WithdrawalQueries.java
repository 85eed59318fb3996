package io.chainhub.saga.withdrawal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read side of the withdrawal API. */
@Component
class WithdrawalQueries {

    private static final String SELECT = """
            SELECT w.id, w.account_id, s.chain_id, s.token, w.amount::text AS amount, s.decimals, w.destination,
                   w.requested_by, w.state, w.screening_decision, w.policy_version, w.policy_outcome,
                   w.approvals_required, w.eligible_approvers, w.tx_hash, w.confirmations, w.reason, w.created_at,
                   w.updated_at
            FROM withdrawal w JOIN asset s ON s.id = w.asset_id""";

    private final JdbcClient jdbc;

    WithdrawalQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<WithdrawalView> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE w.id = ?").param(id).query(this::view).optional()
                .map(view -> view.withDetails(approvals(List.of(id)).getOrDefault(id, List.of()), timeline(id)));
    }

    List<WithdrawalView> list(String state, UUID account, int limit) {
        return withApprovals(jdbc.sql(SELECT + " WHERE (CAST(:state AS text) IS NULL OR w.state = :state)"
                        + " AND (CAST(:account AS uuid) IS NULL OR w.account_id = :account) ORDER BY w.created_at DESC LIMIT :limit")
                .param("state", state).param("account", account).param("limit", limit)
                .query(this::view).list());
    }

    /** Awaiting approval, not requested by {@code user}, not yet decided by them, and they are eligible. */
    List<WithdrawalView> pendingFor(String user) {
        return withApprovals(jdbc.sql(SELECT + " " + """
                 WHERE w.state = 'AWAITING_APPROVAL' AND w.requested_by <> :user
                   AND (w.eligible_approvers IS NULL OR :user = ANY (string_to_array(w.eligible_approvers, ',')))
                   AND NOT EXISTS (SELECT 1 FROM withdrawal_approval p WHERE p.withdrawal_id = w.id AND p.approver = :user)
                 ORDER BY w.created_at""")
                .param("user", user).query(this::view).list());
    }

    /**
     * The withdrawal row alone. Approvals and timeline are read afterwards, never from inside this mapper: a
     * query issued while the outer result set is open needs a second pooled connection per request, and
     * enough concurrent requests then hold every connection while waiting for another.
     */
    private WithdrawalView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String eligible = rs.getString("eligible_approvers");
        return new WithdrawalView(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getLong("chain_id"),
                rs.getString("token"), rs.getString("amount"), rs.getInt("decimals"), rs.getString("destination"),
                rs.getString("requested_by"), rs.getString("state"), rs.getString("screening_decision"),
                (Integer) rs.getObject("policy_version"), rs.getString("policy_outcome"), rs.getInt("approvals_required"),
                eligible == null ? List.of() : Arrays.asList(eligible.split(",")), List.of(),
                rs.getString("tx_hash"), (Long) rs.getObject("confirmations"), rs.getString("reason"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), List.of());
    }

    /** One query for the approvals of all {@code views} instead of one per row. */
    private List<WithdrawalView> withApprovals(List<WithdrawalView> views) {
        if (views.isEmpty()) {
            return views;
        }
        Map<UUID, List<WithdrawalView.ApprovalView>> approvals = approvals(views.stream().map(WithdrawalView::id).toList());
        return views.stream().map(view -> view.withDetails(approvals.getOrDefault(view.id(), List.of()), view.timeline()))
                .toList();
    }

    private Map<UUID, List<WithdrawalView.ApprovalView>> approvals(List<UUID> ids) {
        Map<UUID, List<WithdrawalView.ApprovalView>> byWithdrawal = new HashMap<>();
        jdbc.sql("SELECT withdrawal_id, approver, decision, comment, decided_at FROM withdrawal_approval"
                        + " WHERE withdrawal_id IN (:ids) ORDER BY decided_at")
                .param("ids", ids)
                .query((rs, n) -> byWithdrawal.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                        .add(new WithdrawalView.ApprovalView(rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getTimestamp(5).toInstant())))
                .list();
        return byWithdrawal;
    }

    private List<WithdrawalView.TransitionView> timeline(UUID id) {
        return jdbc.sql("SELECT from_state, to_state, cause, actor, detail, at FROM saga_transition WHERE saga_id = ? ORDER BY id")
                .param(id.toString()).query((rs, n) -> new WithdrawalView.TransitionView(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant())).list();
    }
}
