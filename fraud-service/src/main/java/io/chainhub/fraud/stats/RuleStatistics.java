package io.chainhub.fraud.stats;

import io.chainhub.fraud.rule.RuleMode;

/**
 * How one version of a rule performs.
 *
 * @param fired          hits while ACTIVE (each raised or updated an alert)
 * @param shadowHits     hits while SHADOW (counted, no alert)
 * @param alerts         alerts whose latest hit came from this version
 * @param resolved       alerts closed as true positives
 * @param falsePositives alerts closed as false positives
 * @param precision      resolved / (resolved + falsePositives); null before any disposition
 */
record RuleStatistics(String ruleId, int version, RuleMode mode, long fired, long shadowHits, long alerts,
        long open, long acknowledged, long resolved, long falsePositives, long retracted, Double precision) {
}
