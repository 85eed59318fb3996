package io.chainhub.fraud.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Retention for a key-value store that would otherwise grow forever (the counterparty pairs, the transfer
 * index). Each run walks the next slice of the store from where the previous one stopped (a cursor that
 * wraps around) and deletes the entries older than the horizon, so no punctuation scans millions of entries
 * inside one Streams transaction (a stall of every address on the task), and each entry is looked at once per
 * lap. Deletes go to the changelog in the task's transaction like any other write. The cursor lives in
 * memory: after a restart the next lap simply starts from the beginning.
 */
final class SlicedPurge<V> {

    /** How often each store's purge runs (wall clock). */
    static final Duration INTERVAL = Duration.ofMinutes(1);
    /** Entries looked at per run: a slice small enough not to stall the task's other records. */
    static final int ENTRIES_PER_RUN = 50_000;

    private final KeyValueStore<String, V> store;
    private final int entriesPerRun;
    private final ToLongFunction<V> age;
    private String cursor; // first key of the next run; null: from the start

    /** @param age the time an entry is compared with the horizon by, in the horizon's unit */
    SlicedPurge(KeyValueStore<String, V> store, int entriesPerRun, ToLongFunction<V> age) {
        this.store = store;
        this.entriesPerRun = entriesPerRun;
        this.age = age;
    }

    /**
     * Visits up to {@code entriesPerRun} entries and deletes those older than {@code horizon}.
     *
     * @return how many entries were deleted
     */
    int run(long horizon) {
        List<String> expired = new ArrayList<>();
        String next = null;
        try (var entries = store.range(cursor, null)) {
            int visited = 0;
            while (entries.hasNext()) {
                var entry = entries.next();
                if (visited++ == entriesPerRun) {
                    next = entry.key;
                    break;
                }
                if (age.applyAsLong(entry.value) < horizon) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(store::delete);
        cursor = next;
        return expired.size();
    }
}
