package io.chainhub.analytics.rollup;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import io.chainhub.analytics.AnalyticsProperties;
import io.chainhub.analytics.WindowSpec;
import io.chainhub.analytics.aggregate.AggregateKeys;
import io.chainhub.analytics.aggregate.TokenWindow;
import io.chainhub.analytics.query.StoreAccess;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Copies closed windows (end + grace passed: nothing can change them any more) of this instance's
 * token stores into PostgreSQL, so history outlives the stores' retention. Each instance rolls up
 * the partitions it holds; after a restart it rolls up everything still in the stores again, which
 * the idempotent upsert makes harmless.
 */
@Component
class RollupJob {

    private static final Logger log = LoggerFactory.getLogger(RollupJob.class);

    private final StoreAccess stores;
    private final RollupRepository repository;
    private final AnalyticsProperties properties;
    private final Map<WindowSpec, Instant> rolledUpTo = new EnumMap<>(WindowSpec.class);

    RollupJob(StoreAccess stores, RollupRepository repository, AnalyticsProperties properties) {
        this.stores = stores;
        this.repository = repository;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${chainhub.analytics.rollup-interval:1m}",
            initialDelayString = "${chainhub.analytics.rollup-interval:1m}")
    void rollUp() {
        if (stores.streams().state() != KafkaStreams.State.RUNNING) {
            return;
        }
        for (WindowSpec spec : WindowSpec.values()) {
            rollUp(spec, Instant.now());
        }
    }

    /** Rolls up the windows of {@code spec} closed by {@code now} and not rolled up yet. */
    void rollUp(WindowSpec spec, Instant now) {
        Instant closedBefore = now.minus(spec.size()).minus(properties.grace());
        Instant from = rolledUpTo.getOrDefault(spec, now.minus(properties.retention(spec)));
        if (from.isBefore(closedBefore)) {
            rollUp(spec, from, closedBefore);
            rolledUpTo.put(spec, closedBefore);
        }
    }

    /** Rolls up windows of {@code spec} starting in [from, closedBefore); returns how many rows were written. */
    int rollUp(WindowSpec spec, Instant from, Instant closedBefore) {
        ReadOnlyWindowStore<String, TokenWindow> store = stores.windowStore(spec.tokenStore());
        int rows = 0;
        try (KeyValueIterator<Windowed<String>, TokenWindow> windows =
                store.fetchAll(from, closedBefore.minusMillis(1))) {
            while (windows.hasNext()) {
                KeyValue<Windowed<String>, TokenWindow> window = windows.next();
                String key = window.key.key();
                repository.upsert(new RollupRow(AggregateKeys.chainOf(key), AggregateKeys.tokenOf(key),
                        (int) spec.size().toSeconds(), window.key.window().startTime(),
                        window.value.confirmed().transfers(), window.value.confirmed().volume()));
                rows++;
            }
        }
        if (rows > 0) {
            log.info("rolled up {} closed {} windows before {} into PostgreSQL", rows, spec.label(), closedBefore);
        }
        return rows;
    }
}
