package io.chainhub.fraud.stream;

import io.chainhub.events.fraud.FraudAlertEvent;

/** Output of the per-address processor: exactly one of an alert change or a rule hit. */
record Emission(FraudAlertEvent alert, RuleHitEvent hit) {
}
