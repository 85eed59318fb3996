package io.chainhub.saga.withdrawal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A withdrawal with its full timeline, as {@code GET /api/withdrawals/{id}} returns it.
 *
 * @param amount base units as a decimal string
 * @param token  contract address or {@code native}
 * @param reason why it ended (terminal states)
 */
public record WithdrawalView(UUID id, UUID accountId, long chainId, String token, String amount, int decimals,
        String destination, String requestedBy, String state, String screeningDecision, Integer policyVersion,
        String policyOutcome, int approvalsRequired, List<String> eligibleApprovers, List<ApprovalView> approvals,
        String txHash, Long confirmations, String reason, Instant createdAt, Instant updatedAt,
        List<TransitionView> timeline) {

    /** The same withdrawal with its approvals and timeline, read after the row itself (see WithdrawalQueries). */
    WithdrawalView withDetails(List<ApprovalView> approvals, List<TransitionView> timeline) {
        return new WithdrawalView(id, accountId, chainId, token, amount, decimals, destination, requestedBy, state,
                screeningDecision, policyVersion, policyOutcome, approvalsRequired, eligibleApprovers, approvals, txHash,
                confirmations, reason, createdAt, updatedAt, timeline);
    }

    public record ApprovalView(String approver, String decision, String comment, Instant decidedAt) {
    }

    public record TransitionView(String from, String to, String cause, String actor, String detail, Instant at) {
    }
}
