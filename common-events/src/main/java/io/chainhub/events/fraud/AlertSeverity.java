package io.chainhub.events.fraud;

/** Ordered from least to most severe; subscriptions filter on a minimum. */
public enum AlertSeverity {
    LOW, MEDIUM, HIGH, CRITICAL
}
