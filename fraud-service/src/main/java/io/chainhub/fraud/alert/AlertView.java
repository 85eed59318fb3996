package io.chainhub.fraud.alert;

import java.time.Instant;
import java.util.UUID;

/**
 * A fraud alert as the API shows it.
 *
 * @param rule           the rule that raised it
 * @param subjectAddress the address the alert is about (lowercase)
 * @param triggerEventId eventId of the transfer that triggered it
 */
record AlertView(UUID id, String rule, long chainId, String subjectAddress, Severity severity, AlertStatus status,
        String reason, String triggerEventId, Instant raisedAt, Instant updatedAt) {
}
