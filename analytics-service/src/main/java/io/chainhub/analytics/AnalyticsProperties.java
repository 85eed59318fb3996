package io.chainhub.analytics;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chainhub.analytics.*}: how the aggregates are windowed and kept.
 *
 * @param grace              how late (by block time) an event may arrive and still land in its window;
 *                           also how long after a window's end a REVERTED can still take a transfer out
 * @param minuteRetention    how long 1-minute windows stay in the state stores
 * @param hourRetention      how long 1-hour windows stay in the state stores
 * @param dayRetention       how long 1-day windows stay in the state stores
 * @param ledgerRetention    how long the per-transfer dedup ledger remembers a transfer
 * @param largeTransferMin   decimal-adjusted amount from which a transfer enters the live feed
 * @param rollupInterval     how often closed windows are rolled up into PostgreSQL
 * @param advertisedHost     host other instances reach this one at (application.server)
 * @param partyBatchesInMemory keep the party stores' batches in memory (restored from the changelog on every start)
 *                           rather than in RocksDB; the rows themselves are objects in memory either way
 * @param answerTtl          how long an answer to the same query is reused (0: never); bounds its extra staleness
 */
@ConfigurationProperties("chainhub.analytics")
public record AnalyticsProperties(
        @DefaultValue("10m") Duration grace,
        @DefaultValue("2d") Duration minuteRetention,
        @DefaultValue("14d") Duration hourRetention,
        @DefaultValue("62d") Duration dayRetention,
        @DefaultValue("3d") Duration ledgerRetention,
        @DefaultValue("1000") BigDecimal largeTransferMin,
        @DefaultValue("1m") Duration rollupInterval,
        @DefaultValue("localhost") String advertisedHost,
        @DefaultValue("false") boolean partyBatchesInMemory,
        @DefaultValue("1s") Duration answerTtl) {

    public Duration retention(WindowSpec spec) {
        return switch (spec) {
            case MINUTE -> minuteRetention;
            case HOUR -> hourRetention;
            case DAY -> dayRetention;
        };
    }

    public static AnalyticsProperties defaults() {
        return new AnalyticsProperties(Duration.ofMinutes(10), Duration.ofDays(2), Duration.ofDays(14),
                Duration.ofDays(62), Duration.ofDays(3), new BigDecimal("1000"), Duration.ofMinutes(1), "localhost", false,
                Duration.ofSeconds(1));
    }
}
