package io.chainhub.fraud.engine;

import java.util.List;
import java.util.Map;

import io.chainhub.events.fraud.AlertSeverity;

/**
 * The topology's memory of an alert that repeats may still update.
 *
 * @param triggers  eventIds of the transfers whose evaluation hit (one per hit)
 * @param firstSeen chain time of the first hit, epoch seconds
 * @param lastSeen  chain time of the latest hit, epoch seconds
 */
public record OpenAlert(String alertId, String ruleId, int ruleVersion, AlertSeverity severity, long chainId,
        String subject, List<String> triggers, long firstSeen, long lastSeen, String summary,
        Map<String, String> details) {

    public OpenAlert {
        triggers = List.copyOf(triggers);
        details = Map.copyOf(details);
    }

    public int count() {
        return triggers.size();
    }

    /** Key in the alert store: one open alert per rule, chain and subject. */
    public static String key(String ruleId, long chainId, String subject) {
        return ruleId + "|" + chainId + ":" + subject;
    }
}
