package io.chainhub.fraud.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.chainhub.events.fraud.AlertSeverity;

/**
 * An alert as the API shows it.
 *
 * @param subjectAddress   the address the alert is about (lowercase)
 * @param transferEventIds the transfers ({@code eventId}) whose evaluation hit
 * @param count            how many hits the alert gathers (repeats within the rule's window)
 */
record AlertView(UUID id, String ruleId, int ruleVersion, long chainId, String subjectAddress,
        AlertSeverity severity, AlertStatus status, String summary, Map<String, String> details,
        List<String> transferEventIds, int count, Instant firstSeen, Instant lastSeen, Instant raisedAt,
        Instant updatedAt) {
}
