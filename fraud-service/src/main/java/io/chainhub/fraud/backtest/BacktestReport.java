package io.chainhub.fraud.backtest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.chainhub.events.fraud.FraudAlertEvent;

/**
 * What a rule configuration would have done over a slice of history. Nothing was published.
 *
 * @param hitsByRule rule id → number of hits (ACTIVE and SHADOW rules alike: a backtest is about what
 *                   would fire)
 * @param alerts     the alerts as they would stand at the end, at most 1,000 (see {@code alertCount})
 */
public record BacktestReport(Instant from, Instant to, long recordsRead, long transfersEvaluated,
        long reverted, boolean truncated, Map<String, Long> hitsByRule, int alertCount,
        List<FraudAlertEvent> alerts, long durationMillis) {
}
