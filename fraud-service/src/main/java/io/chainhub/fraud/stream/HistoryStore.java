package io.chainhub.fraud.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chainhub.fraud.engine.AddressHistory;
import io.chainhub.platform.streams.WriteBackKeyValueStore;
import io.chainhub.platform.streams.WriteBackStoreBuilder;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The {@code address-legs} store as objects, written back at commit: the history of an address is read and
 * replaced on every leg, and the Streams record cache in front of a store takes bytes, so every leg paid a
 * serialization and a sorted-map insert by byte comparison of the key (a seventh of the rules thread in the
 * profile), to be flushed once at commit anyway. Here a leg only replaces an object; at commit the histories
 * changed since the last one are serialized once each and written with one batch to the logged store below
 * (RocksDB and its changelog), inside the commit's transaction, as the record cache would have.
 *
 * <p>The commit hook, and why nothing outlives an aborted transaction or a recycled task:
 * {@link io.chainhub.platform.streams.WriteBackStore}.
 * {@code HistoryStoreTest} and the crash-recovery IT fail if a commit stops reaching the store below.
 *
 * <p>A history is encoded when it is put, right after the rules built it, while its objects are in the CPU cache:
 * encoding the commit's histories at commit was mostly cache misses (a sixth of the rules thread in a profile). The
 * store below holds {@link Encoded} values, so the commit hands it those bytes as they are.
 *
 * <p>Histories stay here as objects after their commit too, so a busy address's read is not a RocksDB read and a
 * deserialization: one hash map for changed and clean ones alike (a put finds the slot the rules' read just
 * touched; a second map, or a least-recently-used list relinked on every read, cost a fifth of the put in cache
 * misses). Bounded by entries and by legs per history; over the bound, clean histories not read since the last
 * sweep go first (a clock, not an exact LRU).
 */
final class HistoryStore extends WriteBackKeyValueStore<KeyValueStore<String, HistoryStore.Encoded>, String, AddressHistory> {

    /** Per task. ~1.5 KB per history of a few legs: a few tens of MB at most per task. */
    static final int MAX_CLEAN_ENTRIES = 16_384;
    /** Histories with more legs (busy addresses, up to {@link AddressHistory#MAX_RECENT}) are read from the store. */
    static final int MAX_CLEAN_LEGS = 16;

    /** One address's history as held here. */
    private static final class Slot {
        final String key;
        /** Null: deleted (only while dirty). */
        AddressHistory history;
        /** The bytes of {@link #history}, encoded at put; null once written back. */
        byte[] bytes;
        /** Changed since the last commit: in {@link #dirty}, written back at {@link #flushCache()}. */
        boolean changed;
        /** Read or written since the last sweep. */
        boolean used;

        Slot(String key, AddressHistory history) {
            this.key = key;
            this.history = history;
        }
    }

    private final Map<String, Slot> slots = new HashMap<>();
    private final List<Slot> dirty = new ArrayList<>();

    /**
     * A history and its bytes in the store below: encoded when it was put, or read (then {@code bytes} is null: the
     * store below asks for the bytes of what it is given, which is what was put).
     */
    record Encoded(AddressHistory history, byte[] bytes) {

        static Serde<Encoded> serde() {
            return Serdes.serdeFrom(
                    (topic, encoded) -> encoded == null ? null
                            : encoded.bytes != null ? encoded.bytes : AddressHistorySerde.write(encoded.history),
                    (topic, bytes) -> bytes == null ? null : new Encoded(AddressHistorySerde.read(bytes), null));
        }
    }

    /** @param store the logged store below, without a record cache */
    HistoryStore(KeyValueStore<String, Encoded> store) {
        super(store);
    }

    /** Builds this store over a logged store of {@code supplier} without a record cache (this store is the cache). */
    static StoreBuilder<KeyValueStore<String, AddressHistory>> builder(KeyValueBytesStoreSupplier supplier,
            Serde<String> keys) {
        return new WriteBackStoreBuilder<>(Stores.keyValueStoreBuilder(supplier, keys, Encoded.serde()), HistoryStore::new);
    }

    @Override
    public AddressHistory get(String key) {
        Slot slot = slots.get(key);
        if (slot != null) {
            slot.used = true;
            return slot.history;
        }
        Encoded stored = store.get(key);
        AddressHistory history = stored == null ? null : stored.history();
        if (history != null && history.recent().size() <= MAX_CLEAN_LEGS) {
            slots.put(key, new Slot(key, history));
            if (slots.size() > MAX_CLEAN_ENTRIES) {
                sweep();
            }
        }
        return history;
    }

    @Override
    public void put(String key, AddressHistory history) {
        Slot slot = slots.computeIfAbsent(key, k -> new Slot(k, null));
        slot.history = history;
        slot.bytes = history == null ? null : AddressHistorySerde.write(history);
        slot.used = true;
        if (!slot.changed) {
            slot.changed = true;
            dirty.add(slot);
        }
    }

    /** The commit's write-back: every changed history, as encoded at put, in one batch to the logged store. */
    @Override
    public void flushCache() {
        if (dirty.isEmpty()) {
            return;
        }
        List<KeyValue<String, Encoded>> changed = new ArrayList<>(dirty.size());
        for (Slot slot : dirty) {
            changed.add(KeyValue.pair(slot.key, slot.history == null ? null : new Encoded(slot.history, slot.bytes)));
        }
        store.putAll(changed);
        for (Slot slot : dirty) {
            slot.changed = false;
            slot.bytes = null;
            if (slot.history == null || slot.history.recent().size() > MAX_CLEAN_LEGS) {
                slots.remove(slot.key);
            }
        }
        dirty.clear();
        if (slots.size() > MAX_CLEAN_ENTRIES) {
            sweep();
        }
    }

    @Override
    public void clearCache() {
        dirty.clear();
        slots.clear();
    }

    /** Drops clean histories not used since the last sweep; if that is not enough, every clean one. */
    private void sweep() {
        slots.values().removeIf(slot -> {
            boolean drop = !slot.changed && !slot.used;
            slot.used = false;
            return drop;
        });
        if (slots.size() > MAX_CLEAN_ENTRIES) {
            slots.values().removeIf(slot -> !slot.changed);
        }
    }

    // scans (none in the topology today) see the store with this commit's changes in it

    @Override
    public KeyValueIterator<String, AddressHistory> range(String from, String to) {
        flushCache();
        return histories(store.range(from, to));
    }

    @Override
    public KeyValueIterator<String, AddressHistory> all() {
        flushCache();
        return histories(store.all());
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, AddressHistory> prefixScan(P prefix, PS serializer) {
        flushCache();
        return histories(store.prefixScan(prefix, serializer));
    }

    private static KeyValueIterator<String, AddressHistory> histories(KeyValueIterator<String, Encoded> stored) {
        return new KeyValueIterator<>() {
            @Override
            public boolean hasNext() {
                return stored.hasNext();
            }

            @Override
            public KeyValue<String, AddressHistory> next() {
                KeyValue<String, Encoded> next = stored.next();
                return KeyValue.pair(next.key, next.value.history());
            }

            @Override
            public String peekNextKey() {
                return stored.peekNextKey();
            }

            @Override
            public void close() {
                stored.close();
            }
        };
    }

    @Override
    public long approximateNumEntries() {
        return store.approximateNumEntries() + dirty.size();
    }
}
