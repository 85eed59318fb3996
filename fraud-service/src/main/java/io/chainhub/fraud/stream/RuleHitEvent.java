package io.chainhub.fraud.stream;

import java.time.Instant;

import io.chainhub.fraud.rule.RuleMode;

/**
 * One rule hit, ACTIVE or SHADOW, on the internal {@code fraud-rule-hits} topic (key: rule id): what the
 * rule statistics count. Not part of the public contract.
 */
public record RuleHitEvent(String ruleId, int ruleVersion, RuleMode mode, long chainId, String subject,
        String transferEventId, String alertId, Instant at) {
}
