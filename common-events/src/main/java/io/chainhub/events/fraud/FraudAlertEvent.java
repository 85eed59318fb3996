package io.chainhub.events.fraud;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An alert's life on {@code fraud-alerts} (key: subject address). One alert per rule and subject within
 * the rule's window: repeats arrive as UPDATED with a higher {@code count}; a reorg that removes the only
 * transfers behind an alert arrives as RETRACTED.
 *
 * @param transferEventIds the transfers ({@code eventId}) that caused the alert
 * @param details          rule-specific figures (threshold, window, amounts as decimal strings)
 */
public record FraudAlertEvent(
        String alertId,
        AlertAction action,
        String ruleId,
        int ruleVersion,
        AlertSeverity severity,
        long chainId,
        String subject,
        List<String> transferEventIds,
        int count,
        Instant firstSeen,
        Instant lastSeen,
        String summary,
        Map<String, String> details) {

    public enum AlertAction { RAISED, UPDATED, RETRACTED }

    /** Dedup key: an alert changes state at most once per action and count. */
    public String cloudEventId() {
        return alertId + ":" + action + ":" + count;
    }

    public String cloudEventType() {
        return "io.chainhub.fraud.alert." + action.name().toLowerCase() + ".v1";
    }
}
