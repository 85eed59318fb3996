package io.chainhub.fraud.stream;

import java.util.LinkedHashMap;
import java.util.Map;

import io.chainhub.fraud.engine.AddressHistory;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The {@code address-legs} store with the task's most recently used histories kept as objects in front of it
 * (write-through): a busy address's history is read on every leg, and the Streams cache hands out bytes, so
 * each read was a sorted-map lookup by byte comparison plus a deserialization (a tenth of the rules thread in the
 * profile). Every write still goes to the store, so the store, its cache and changelog, and with them
 * exactly-once, are unchanged. Consistent because the store holds this task's uncommitted writes too, and a
 * task whose transaction is aborted is closed and re-initialized, which starts a new, empty instance
 * ({@link AddressRuleProcessor#init}). Bounded by entries and by legs per entry: histories of very busy
 * addresses (up to {@link AddressHistory#MAX_RECENT} legs) are read from the store each time.
 */
final class RecentHistories {

    static final int MAX_ENTRIES = 4_096;
    static final int MAX_LEGS = 16;

    private final KeyValueStore<String, AddressHistory> store;
    private final Map<String, AddressHistory> recent = new LinkedHashMap<>(1_024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AddressHistory> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    RecentHistories(KeyValueStore<String, AddressHistory> store) {
        this.store = store;
    }

    /** The history of {@code key}, or null when the address has none. */
    AddressHistory get(String key) {
        AddressHistory history = recent.get(key);
        if (history == null) {
            history = store.get(key);
            remember(key, history);
        }
        return history;
    }

    void put(String key, AddressHistory history) {
        store.put(key, history);
        remember(key, history);
    }

    private void remember(String key, AddressHistory history) {
        if (history != null && history.recent().size() <= MAX_LEGS) {
            recent.put(key, history);
        } else {
            recent.remove(key);
        }
    }
}
