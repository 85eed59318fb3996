package io.chainhub.saga.withdrawal;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The saga's state as the decider sees it (a snapshot read under a row lock).
 *
 * @param eligibleApprovers the M of an N-of-M quorum (empty: anyone with the approver role)
 * @param approvers         users who approved so far
 */
public record Withdrawal(
        UUID id,
        UUID accountId,
        String accountGroup,
        long assetId,
        long chainId,
        String token,
        BigInteger amount,
        String destination,
        String requestedBy,
        WithdrawalState state,
        int approvalsRequired,
        List<String> eligibleApprovers,
        Set<String> approvers,
        String txHash,
        int broadcastAttempts,
        Instant createdAt) {

    public String sagaId() {
        return id.toString();
    }

    Withdrawal withState(WithdrawalState next) {
        return new Withdrawal(id, accountId, accountGroup, assetId, chainId, token, amount, destination,
                requestedBy, next, approvalsRequired, eligibleApprovers, approvers, txHash, broadcastAttempts, createdAt);
    }

    /** The snapshot after a step, for a later step of the same saga in the same transaction. */
    Withdrawal after(WithdrawalState next, int required, List<String> eligible, Set<String> approved, String tx, int attempts) {
        return new Withdrawal(id, accountId, accountGroup, assetId, chainId, token, amount, destination,
                requestedBy, next, required, eligible, approved, tx, attempts, createdAt);
    }
}
