package io.chainhub.fraud.rule;

import java.util.Map;

import io.chainhub.events.fraud.AlertSeverity;
import jakarta.validation.constraints.Size;

/**
 * A change to one rule; absent fields keep their current value.
 *
 * @param parameters      replaces all parameters when present
 * @param expectedVersion when set, the change applies only if it is still the current version (else 409)
 * @param comment         why, kept with the version
 */
public record RuleChange(RuleMode mode, AlertSeverity severity, Map<String, String> parameters,
        Integer expectedVersion, @Size(max = 1000) String comment) {
}
