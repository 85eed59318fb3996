package io.chainhub.fraud.rule;

import java.time.Instant;
import java.util.Map;

import io.chainhub.events.fraud.AlertSeverity;

/** One version of a rule as the API shows it. */
public record RuleView(String ruleId, int version, RuleMode mode, AlertSeverity severity,
        Map<String, String> parameters, String changedBy, Instant changedAt, String comment) {

    static RuleView of(RuleStore.RuleVersion v) {
        RuleConfig c = v.config();
        return new RuleView(c.ruleId(), c.version(), c.mode(), c.severity(), new java.util.TreeMap<>(c.parameters()),
                v.changedBy(), v.changedAt(), v.comment());
    }
}
