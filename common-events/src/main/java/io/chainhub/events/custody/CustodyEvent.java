package io.chainhub.events.custody;

import java.time.Instant;
import java.util.Map;

/**
 * Lifecycle of deposits and withdrawals on {@code custody-events} (key: saga id, or account id).
 *
 * @param type     dotted kind, e.g. {@code custody.deposit.pending}, {@code custody.deposit.credited},
 *                 {@code custody.deposit.reversed}, {@code custody.withdrawal.requested},
 *                 {@code custody.withdrawal.completed}, {@code custody.withdrawal.rejected}
 * @param eventId  deterministic (saga id + transition), the consumers' dedup key
 * @param amount   base units as a decimal string
 * @param details  transition-specific extras (reasons, approvers, confirmations)
 */
public record CustodyEvent(
        String eventId,
        String type,
        String sagaId,
        String accountId,
        String state,
        long chainId,
        String token,
        String amount,
        Integer decimals,
        String address,
        String txHash,
        Instant occurredAt,
        Map<String, String> details) {

    /** CloudEvents type: {@code io.chainhub.custody.withdrawal.completed.v1} for type custody.withdrawal.completed. */
    public String cloudEventType() {
        return "io.chainhub." + type + ".v1";
    }
}
