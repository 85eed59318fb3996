package io.chainhub.saga.policy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

/**
 * One rule of a withdrawal policy. Absent selectors match everything; absent limits do not apply.
 *
 * @param chainId              selects the asset's chain (null: any)
 * @param token                selects the asset: contract address or {@code native} (null: any)
 * @param accountGroup         selects accounts by group (null: any)
 * @param allowedDestinations  when set, any other destination is BLOCKed
 * @param blockAbove           amounts above are BLOCKed
 * @param requireApprovalAbove amounts above need {@code approvals} approvers
 * @param approvals            N of the quorum (default 1)
 * @param approvers            the M eligible approvers (empty: anyone with the approver role)
 * @param approvalWindow       how long approvers have before the withdrawal EXPIRES (default 24 h)
 * @param velocityLimit        total of the account's withdrawals of this asset within {@code velocityWindow}
 *                             (including this one) above which it is BLOCKed
 */
public record PolicyRule(
        String name,
        Long chainId,
        String token,
        String accountGroup,
        List<String> allowedDestinations,
        BigInteger blockAbove,
        BigInteger requireApprovalAbove,
        Integer approvals,
        List<String> approvers,
        Duration approvalWindow,
        BigInteger velocityLimit,
        Duration velocityWindow) {

    static final Duration DEFAULT_APPROVAL_WINDOW = Duration.ofHours(24);
    static final Duration DEFAULT_VELOCITY_WINDOW = Duration.ofHours(24);

    boolean selects(long assetChainId, String assetToken, String group) {
        return (chainId == null || chainId == assetChainId)
                && (token == null || token.equalsIgnoreCase(assetToken))
                && (accountGroup == null || accountGroup.equals(group));
    }

    int quorum() {
        return approvals == null ? 1 : Math.max(1, approvals);
    }

    Duration window() {
        return approvalWindow == null ? DEFAULT_APPROVAL_WINDOW : approvalWindow;
    }

    Duration velocityPeriod() {
        return velocityWindow == null ? DEFAULT_VELOCITY_WINDOW : velocityWindow;
    }
}
