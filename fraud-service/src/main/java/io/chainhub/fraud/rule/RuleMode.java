package io.chainhub.fraud.rule;

/** ACTIVE raises alerts; SHADOW evaluates and counts hits without alerting; DISABLED skips the rule. */
public enum RuleMode {
    ACTIVE, SHADOW, DISABLED
}
