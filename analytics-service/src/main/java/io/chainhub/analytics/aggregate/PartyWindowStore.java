package io.chainhub.analytics.aggregate;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import io.chainhub.platform.bytes.CompactBytes;
import io.chainhub.platform.streams.BatchLog;
import io.chainhub.platform.streams.WriteBackStore;
import io.chainhub.platform.streams.WriteBackStoreBuilder;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.kstream.internals.TimeWindow;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * A {@code parties-*} store: what each sender and receiver of a token did in each window, as objects in hash
 * maps, logged in batches. Every transfer reads and writes six rows (sender and receiver, three widths) and
 * almost every row is a new one; in Streams' window stores each was a sorted-map lookup and insert by byte
 * comparison plus a changelog record, over a third of the stream thread in the profile. Here a row is a hash
 * lookup, encoded into the open batch as it is written; at commit the open batch is written as one record to a
 * logged key-value store below (batch number → bytes), inside the commit's transaction. {@link BatchLog} deletes
 * batches whose rows were all written again or expired, and rewrites mostly-superseded ones, so the changelog
 * stays within about twice the live rows.
 *
 * <p>Loading: the objects are built from the batches below, in batch order, on first use after the store was
 * (re)opened, that is after Streams restored the store below from its changelog. Nothing is written while
 * loading, so a query thread may be the one that loads. Windows expire as in Streams' in-memory window store:
 * a window whose start is a retention or more before the newest window start seen.
 *
 * <p>Queries read the same objects (thread-safe maps, immutable values): a key range within one token and role
 * ({@code chainId|token|S|}) reads that group's rows only. {@code PartyWindowStoreTest} restores a store from its
 * batches and fails if a commit stops reaching the store below.
 */
final class PartyWindowStore extends WriteBackStore<KeyValueStore<Long, byte[]>, String, PartyWindow>
        implements WindowStore<String, PartyWindow> {

    private static final byte FORMAT = 1;
    /** A batch record stays well below Kafka's default 1 MB message size; a larger commit writes several. */
    static final int MAX_BATCH_BYTES = 512 * 1024;

    /** One address's figures in one window; {@code value} null: deleted, and logged so (until the window expires). */
    static final class Row extends BatchLog.Entry {
        final long start;
        final String key;
        volatile PartyWindow value;
        /** Its window expired: no batch must count it any more, though the open batch may hold its bytes. */
        boolean gone;

        Row(long start, String key) {
            this.start = start;
            this.key = key;
        }
    }

    /** A window's rows by group (key up to its last separator: {@code chainId|token|S|}), as queries ask for them. */
    private static final class Window {
        final Map<String, Map<String, Row>> groups = new ConcurrentHashMap<>();

        Row get(String group, String key) {
            Map<String, Row> rows = groups.get(group);
            return rows == null ? null : rows.get(key);
        }

        Row add(long start, String group, String key) {
            Row row = new Row(start, key);
            groups.computeIfAbsent(group, g -> new ConcurrentHashMap<>()).put(key, row);
            return row;
        }

        Iterable<Row> rows() {
            return () -> groups.values().stream().flatMap(rows -> rows.values().stream()).iterator();
        }
    }

    /** A key and its group: the aggregator asks for the same key in every width, so one substring per key. */
    private record KeyGroup(String key, String group) {
    }

    private record WindowAt(long start, Window window) {
    }

    private final long retention;
    private final long size;
    private final NavigableMap<Long, Window> ordered = new ConcurrentSkipListMap<>();
    /** The open batch: rows encoded as they are written (while in the CPU cache), and which rows those are. */
    private final CompactBytes.Writer batch = new CompactBytes.Writer(64 * 1024).writeByte(FORMAT);
    private List<Row> encoded = new ArrayList<>();
    private KeyGroup lastKey = new KeyGroup("", "");
    /** The window the aggregator used last: almost every transfer is in the newest window of each width. */
    private WindowAt lastWindow = new WindowAt(Long.MIN_VALUE, null);
    private final BatchLog<Row> log = new BatchLog<>();
    private volatile boolean loaded;
    /** The newest window start seen: windows a retention older expire. */
    private volatile long observed = Long.MIN_VALUE;

    PartyWindowStore(KeyValueStore<Long, byte[]> store, Duration retention, Duration size) {
        super(store);
        this.retention = retention.toMillis();
        this.size = size.toMillis();
    }

    /**
     * A builder of this store over a logged key-value store of batches: RocksDB, or memory (restored from the
     * changelog on every start). Either way the rows themselves are objects in memory. Its changelog is compacted
     * by batch number ({@link BatchLog} deletes old batches), not given a window retention.
     */
    static StoreBuilder<PartyWindowStore> builder(String name, Duration retention, Duration size,
            boolean batchesInMemory) {
        KeyValueBytesStoreSupplier supplier = batchesInMemory
                ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
        return new WriteBackStoreBuilder<>(Stores.keyValueStoreBuilder(supplier, Serdes.Long(), Serdes.ByteArray()),
                below -> new PartyWindowStore(below, retention, size));
    }

    @Override
    public PartyWindow fetch(String key, long start) {
        ensureLoaded();
        Window window = windowOrNull(start);
        Row row = window == null || expired(start) ? null : window.get(groupOf(key), key);
        return row == null ? null : row.value;
    }

    /** {@code value} null deletes the row. A window already expired is not written, as in Streams' stores. */
    @Override
    public void put(String key, PartyWindow value, long start) {
        ensureLoaded();
        observed = Math.max(observed, start);
        if (expired(start)) {
            return;
        }
        String group = groupOf(key);
        Window window = windowOrNull(start);
        Row row = window == null ? null : window.get(group, key);
        if (row == null) {
            if (value == null) {
                return;
            }
            row = windowAt(start).add(start, group, key);
        }
        row.value = value;
        encode(row);
    }

    /**
     * The commit's write-back: expired windows out, the rest of sparse batches into the open batch, and the open
     * batch (every row written since the last commit, encoded at the write) to the store below.
     */
    @Override
    public void flushCache() {
        if (!loaded) {
            return; // never used since opened: nothing changed
        }
        expire();
        for (Row row : log.takeSparse()) {
            encode(row);
        }
        writeOpenBatch();
        for (long seq : log.takeDead()) {
            store.delete(seq);
        }
    }

    /**
     * Encoded at the write, not at commit: the row's objects are in the CPU cache now, and encoding them at commit
     * was mostly cache misses. A row written twice within a commit is in the batch twice; the later one is read back.
     */
    private void encode(Row row) {
        write(batch, row);
        encoded.add(row);
        if (batch.size() >= MAX_BATCH_BYTES) {
            writeOpenBatch();
        }
    }

    private void writeOpenBatch() {
        if (encoded.isEmpty()) {
            return;
        }
        long seq = log.nextBatch();
        store.put(seq, batch.toByteArray());
        List<Row> live = new ArrayList<>(encoded.size());
        for (Row row : encoded) {
            if (!row.gone) {
                live.add(row);
            }
        }
        log.assign(live, seq);
        batch.reset().writeByte(FORMAT); // the array is kept: a commit's batch is about the size of the last one
        encoded = new ArrayList<>();
    }

    @Override
    public synchronized void clearCache() {
        loaded = false;
        ordered.clear();
        lastWindow = new WindowAt(Long.MIN_VALUE, null);
        batch.reset().writeByte(FORMAT);
        encoded = new ArrayList<>();
        log.clear();
        observed = Long.MIN_VALUE;
    }

    private void ensureLoaded() {
        if (!loaded) {
            load();
        }
    }

    /** Builds the rows from every batch below, oldest first (a later write of a row wins). */
    private synchronized void load() {
        if (loaded) {
            return;
        }
        try (KeyValueIterator<Long, byte[]> batches = store.all()) {
            while (batches.hasNext()) {
                KeyValue<Long, byte[]> batch = batches.next();
                read(batch.key, batch.value);
            }
        }
        expire();
        loaded = true;
    }

    private void read(long seq, byte[] bytes) {
        CompactBytes.Reader in = new CompactBytes.Reader(bytes);
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IllegalStateException("unknown party batch format " + format);
        }
        List<Row> rows = new ArrayList<>();
        while (in.hasRemaining()) {
            long start = in.readLong();
            String key = in.readString();
            PartyWindow value = in.readByte() == 0 ? null : new PartyWindow(readFigures(in), readFigures(in));
            observed = Math.max(observed, start);
            Window window = windowAt(start);
            String group = groupOf(key);
            Row row = window.get(group, key);
            if (row == null) {
                row = window.add(start, group, key);
            }
            row.value = value;
            rows.add(row);
        }
        log.assign(rows, seq);
    }

    private void expire() {
        if (observed == Long.MIN_VALUE) {
            return;
        }
        var gone = ordered.headMap(observed - retention, true);
        for (Window window : gone.values()) {
            for (Row row : window.rows()) {
                log.release(row);
                row.gone = true;
            }
        }
        for (Long start : List.copyOf(gone.keySet())) {
            ordered.remove(start);
        }
        lastWindow = new WindowAt(Long.MIN_VALUE, null);
    }

    private boolean expired(long start) {
        return observed != Long.MIN_VALUE && start <= observed - retention;
    }

    private Window windowOrNull(long start) {
        WindowAt last = lastWindow; // one read: a consistent pair
        if (last.start() == start && last.window() != null) {
            return last.window();
        }
        Window window = ordered.get(start);
        if (window != null) {
            lastWindow = new WindowAt(start, window);
        }
        return window;
    }

    private Window windowAt(long start) {
        return ordered.computeIfAbsent(start, s -> new Window());
    }

    private String groupOf(String key) {
        KeyGroup last = lastKey; // one read: a query thread sees a consistent pair
        if (last.key() == key) {
            return last.group();
        }
        String group = key.substring(0, key.lastIndexOf(AggregateKeys.SEP) + 1);
        lastKey = new KeyGroup(key, group);
        return group;
    }

    /**
     * A row into the open batch: its window start, key and, unless deleted, the confirmed and provisional figures
     * (count; volume as a long when it fits, almost always: {@code BigInteger.toByteArray} was most of the encoding).
     * A batch is its format byte and rows to the end.
     */
    private static void write(CompactBytes.Writer out, Row row) {
        PartyWindow value = row.value;
        out.writeLong(row.start).writeString(row.key).writeByte(value == null ? 0 : 1);
        if (value != null) {
            writeFigures(out, value.confirmed());
            writeFigures(out, value.provisional());
        }
    }

    private static void writeFigures(CompactBytes.Writer out, Figures figures) {
        out.writeLong(figures.transfers());
        BigInteger volume = figures.volume();
        if (volume.bitLength() < Long.SIZE) {
            out.writeByte(0).writeLong(volume.longValue());
        } else {
            out.writeByte(1).writeBytes(volume.toByteArray());
        }
    }

    private static Figures readFigures(CompactBytes.Reader in) {
        long transfers = in.readLong();
        return new Figures(transfers, in.readByte() == 0 ? BigInteger.valueOf(in.readLong()) : new BigInteger(in.readBytes()));
    }

    // reads for queries: windows ascending, keys ascending within a window

    @Override
    public WindowStoreIterator<PartyWindow> fetch(String key, long timeFrom, long timeTo) {
        List<KeyValue<Long, PartyWindow>> found = new ArrayList<>();
        String group = groupOf(key);
        for (var entry : windows(timeFrom, timeTo).entrySet()) {
            Row row = entry.getValue().get(group, key);
            PartyWindow value = row == null ? null : row.value;
            if (value != null) {
                found.add(KeyValue.pair(entry.getKey(), value));
            }
        }
        return new WindowIterator<>(found);
    }

    @Override
    public WindowStoreIterator<PartyWindow> backwardFetch(String key, long timeFrom, long timeTo) {
        List<KeyValue<Long, PartyWindow>> found = new ArrayList<>();
        fetch(key, timeFrom, timeTo).forEachRemaining(found::add);
        return new WindowIterator<>(found.reversed());
    }

    @Override
    public KeyValueIterator<Windowed<String>, PartyWindow> fetch(String keyFrom, String keyTo, long timeFrom,
            long timeTo) {
        return new ListIterator<>(range(keyFrom, keyTo, timeFrom, timeTo));
    }

    @Override
    public KeyValueIterator<Windowed<String>, PartyWindow> backwardFetch(String keyFrom, String keyTo, long timeFrom,
            long timeTo) {
        return new ListIterator<>(range(keyFrom, keyTo, timeFrom, timeTo).reversed());
    }

    @Override
    public KeyValueIterator<Windowed<String>, PartyWindow> fetchAll(long timeFrom, long timeTo) {
        return fetch(null, null, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<String>, PartyWindow> backwardFetchAll(long timeFrom, long timeTo) {
        return backwardFetch(null, null, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<String>, PartyWindow> all() {
        return fetchAll(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Override
    public KeyValueIterator<Windowed<String>, PartyWindow> backwardAll() {
        return backwardFetchAll(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private List<KeyValue<Windowed<String>, PartyWindow>> range(String keyFrom, String keyTo, long timeFrom,
            long timeTo) {
        String group = keyFrom == null ? null : groupOf(keyFrom);
        boolean oneGroup = group != null && keyTo != null && keyTo.startsWith(group);
        List<KeyValue<Windowed<String>, PartyWindow>> found = new ArrayList<>();
        for (var entry : windows(timeFrom, timeTo).entrySet()) {
            long start = entry.getKey();
            Window window = entry.getValue();
            Collection<Row> candidates;
            if (oneGroup) {
                candidates = window.groups.getOrDefault(group, Map.of()).values();
            } else {
                List<Row> every = new ArrayList<>();
                window.groups.values().forEach(rows -> every.addAll(rows.values()));
                candidates = every;
            }
            List<Row> rows = new ArrayList<>();
            for (Row row : candidates) {
                if ((keyFrom == null || row.key.compareTo(keyFrom) >= 0)
                        && (keyTo == null || row.key.compareTo(keyTo) <= 0)) {
                    rows.add(row);
                }
            }
            rows.sort(Comparator.comparing(row -> row.key));
            for (Row row : rows) {
                PartyWindow value = row.value;
                if (value != null) {
                    found.add(KeyValue.pair(new Windowed<>(row.key, new TimeWindow(start, start + size)), value));
                }
            }
        }
        return found;
    }

    /** Windows starting within [timeFrom, timeTo] and not expired. */
    private NavigableMap<Long, Window> windows(long timeFrom, long timeTo) {
        ensureLoaded();
        long from = observed == Long.MIN_VALUE ? timeFrom : Math.max(timeFrom, observed - retention + 1);
        return from > timeTo ? new ConcurrentSkipListMap<>() : ordered.subMap(from, true, timeTo, true);
    }

    /** A finished list read as a Streams iterator (copied out: the stream thread keeps writing the objects). */
    private static class ListIterator<K, V> implements KeyValueIterator<K, V> {
        private final List<KeyValue<K, V>> list;
        private int position;

        ListIterator(List<KeyValue<K, V>> list) {
            this.list = list;
        }

        @Override
        public boolean hasNext() {
            return position < list.size();
        }

        @Override
        public KeyValue<K, V> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return list.get(position++);
        }

        @Override
        public K peekNextKey() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return list.get(position).key;
        }

        @Override
        public void close() {
        }
    }

    private static final class WindowIterator<V> extends ListIterator<Long, V> implements WindowStoreIterator<V> {
        WindowIterator(List<KeyValue<Long, V>> list) {
            super(list);
        }
    }
}
