package io.chainhub.fraud.backtest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.chainhub.events.fraud.AlertSeverity;
import io.chainhub.fraud.rule.RuleMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Replays {@code token-transfers} records whose Kafka timestamp lies in [{@code from}, {@code to}) through a
 * rule configuration.
 *
 * @param rules      overrides of the current configuration (absent fields keep the current value); rules not
 *                   named run as currently configured
 * @param maxRecords stop after this many records (default 100,000)
 */
public record BacktestRequest(@NotNull Instant from, Instant to, List<@Valid RuleOverride> rules,
        @Min(1) @Max(2_000_000) Integer maxRecords) {

    public record RuleOverride(@NotBlank String ruleId, RuleMode mode, AlertSeverity severity,
            Map<String, String> parameters) {
    }
}
