package io.chainhub.fraud.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chainhub.fraud.engine.AddressHistory;
import io.chainhub.platform.streams.WriteBackStore;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.KeyValueStoreBuilder;

/**
 * The {@code address-legs} store as objects, written back at commit: the history of an address is read and
 * replaced on every leg, and the Streams record cache in front of a store takes bytes, so every leg paid a
 * serialization and a sorted-map insert by byte comparison of the key (a seventh of the rules thread in the
 * profile), to be flushed once at commit anyway. Here a leg only replaces an object; at commit the histories
 * changed since the last one are serialized once each and written with one batch to the logged store below
 * (RocksDB and its changelog), inside the commit's transaction, as the record cache would have.
 *
 * <p>The commit hook, and why nothing outlives an aborted transaction or a recycled task: {@link WriteBackStore}.
 * {@code HistoryStoreTest} and the crash-recovery IT fail if a commit stops reaching the store below.
 *
 * <p>Clean histories stay as objects too, least recently used first out, bounded by entries and by legs per
 * history, so a busy address's read is not a RocksDB read and a deserialization.
 */
final class HistoryStore extends WriteBackStore<KeyValueStore<String, AddressHistory>, String, AddressHistory>
        implements KeyValueStore<String, AddressHistory> {

    /** Per task. ~1.5 KB per history of a few legs: a few tens of MB at most per task. */
    static final int MAX_CLEAN_ENTRIES = 16_384;
    /** Histories with more legs (busy addresses, up to {@link AddressHistory#MAX_RECENT}) are read from the store. */
    static final int MAX_CLEAN_LEGS = 16;

    /** Changed since the last commit (null: deleted); written back at {@link #flushCache()}. */
    private final Map<String, AddressHistory> dirty = new HashMap<>();
    private final Map<String, AddressHistory> clean = new LinkedHashMap<>(1_024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AddressHistory> eldest) {
            return size() > MAX_CLEAN_ENTRIES;
        }
    };

    /** @param store the logged store below, without a record cache */
    HistoryStore(KeyValueStore<String, AddressHistory> store) {
        super(store);
    }

    /** A {@link KeyValueStoreBuilder} that wraps what it builds, without a record cache, in this store. */
    static KeyValueStoreBuilder<String, AddressHistory> builder(KeyValueBytesStoreSupplier supplier, Serde<String> keys,
            Serde<AddressHistory> values) {
        return new KeyValueStoreBuilder<>(supplier, keys, new EncodedAtPut(values), Time.SYSTEM) {
            {
                super.withCachingDisabled();
            }

            @Override
            public KeyValueStoreBuilder<String, AddressHistory> withCachingEnabled() {
                return this; // this store is the cache
            }

            @Override
            public KeyValueStore<String, AddressHistory> build() {
                return new HistoryStore(super.build());
            }
        };
    }

    @Override
    public AddressHistory get(String key) {
        AddressHistory history = dirty.get(key);
        if (history != null || dirty.containsKey(key)) {
            return history;
        }
        history = clean.get(key);
        if (history == null) {
            history = store.get(key);
            keepClean(key, history);
        }
        return history;
    }

    @Override
    public void put(String key, AddressHistory history) {
        EncodedAtPut.forget(dirty.put(key, history));
        EncodedAtPut.encode(history);
        clean.remove(key);
    }

    @Override
    public AddressHistory putIfAbsent(String key, AddressHistory history) {
        AddressHistory before = get(key);
        if (before == null) {
            put(key, history);
        }
        return before;
    }

    @Override
    public void putAll(List<KeyValue<String, AddressHistory>> entries) {
        entries.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public AddressHistory delete(String key) {
        AddressHistory before = get(key);
        put(key, null);
        return before;
    }

    /** The commit's write-back: every changed history, serialized once, in one batch to the logged store. */
    @Override
    public void flushCache() {
        if (dirty.isEmpty()) {
            return;
        }
        List<KeyValue<String, AddressHistory>> changed = new ArrayList<>(dirty.size());
        for (var entry : dirty.entrySet()) {
            changed.add(KeyValue.pair(entry.getKey(), entry.getValue()));
        }
        store.putAll(changed);
        changed.forEach(entry -> EncodedAtPut.forget(entry.value));
        dirty.clear();
        changed.forEach(entry -> keepClean(entry.key, entry.value));
    }

    @Override
    public void clearCache() {
        dirty.values().forEach(EncodedAtPut::forget);
        dirty.clear();
        clean.clear();
    }

    /**
     * The histories' serde, taking the bytes encoded at {@link #put}: a history is encoded right after the rules
     * built it, while its objects are in the CPU cache; encoding the commit's histories at commit was mostly cache
     * misses (a profile put a sixth of the rules thread there, for histories of a few hundred bytes). The bytes wait,
     * per stream thread, until the commit writes the history below; a history without them is encoded as before.
     */
    static final class EncodedAtPut implements Serde<AddressHistory> {

        private static final ThreadLocal<Map<AddressHistory, byte[]>> ENCODED =
                ThreadLocal.withInitial(IdentityHashMap::new);

        private final Serde<AddressHistory> serde;

        EncodedAtPut(Serde<AddressHistory> serde) {
            this.serde = serde;
        }

        static void encode(AddressHistory history) {
            if (history != null) {
                ENCODED.get().put(history, AddressHistorySerde.write(history));
            }
        }

        static void forget(AddressHistory history) {
            if (history != null) {
                ENCODED.get().remove(history);
            }
        }

        @Override
        public Serializer<AddressHistory> serializer() {
            Serializer<AddressHistory> fresh = serde.serializer();
            return (topic, history) -> {
                byte[] bytes = history == null ? null : ENCODED.get().get(history);
                return bytes != null ? bytes : fresh.serialize(topic, history);
            };
        }

        @Override
        public Deserializer<AddressHistory> deserializer() {
            return serde.deserializer();
        }
    }

    private void keepClean(String key, AddressHistory history) {
        if (history != null && history.recent().size() <= MAX_CLEAN_LEGS) {
            clean.put(key, history);
        }
    }

    // scans (none in the topology today) see the store with this commit's changes in it

    @Override
    public KeyValueIterator<String, AddressHistory> range(String from, String to) {
        flushCache();
        return store.range(from, to);
    }

    @Override
    public KeyValueIterator<String, AddressHistory> all() {
        flushCache();
        return store.all();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, AddressHistory> prefixScan(P prefix, PS serializer) {
        flushCache();
        return store.prefixScan(prefix, serializer);
    }

    @Override
    public long approximateNumEntries() {
        return store.approximateNumEntries() + dirty.size();
    }
}
