package io.chainhub.analytics.aggregate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.chainhub.platform.streams.WriteBackStore;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.state.internals.WindowStoreBuilder;

/**
 * A {@code token-*} window store as objects, written back at commit: every transfer reads and replaces its
 * token's window of each width, and Streams' record cache takes bytes, so each transfer paid three
 * deserializations, three serializations and six sorted-map operations by byte comparison (a sixth of the stream
 * thread in the profile), for windows written once per commit anyway. Here the aggregator's reads and writes
 * are objects; at commit each changed window is serialized once and written to the logged RocksDB store below,
 * inside the commit's transaction, as the record cache would.
 *
 * <p>The commit hook, and why nothing outlives an aborted transaction or a recycled task: {@link WriteBackStore}.
 * {@code TokenWindowStoreTest} fails if a commit stops reaching the store below.
 *
 * <p>Queries: a single window ({@link #fetch(Object, long)}) is answered from the objects (thread-safe maps), as
 * the record cache did; range reads go to the store below and see the windows as of the last commit.
 */
final class TokenWindowStore extends WriteBackStore<WindowStore<String, TokenWindow>, String, TokenWindow>
        implements WindowStore<String, TokenWindow> {

    /** Clean windows kept as objects; a handful per token and width are open, older ones are never read again. */
    static final int MAX_CLEAN = 4_096;

    private final Map<WindowKey, TokenWindow> dirty = new ConcurrentHashMap<>();
    private final Map<WindowKey, TokenWindow> clean = new ConcurrentHashMap<>();

    private record WindowKey(String key, long start) {
    }

    /** @param store the logged store below, without a record cache */
    TokenWindowStore(WindowStore<String, TokenWindow> store) {
        super(store);
    }

    /**
     * A builder that stays a {@link WindowStoreBuilder} (Streams gives its changelog window retention by that
     * type) and wraps what it builds, without a record cache, in this store.
     */
    static WindowStoreBuilder<String, TokenWindow> builder(WindowBytesStoreSupplier supplier, Serde<String> keys,
            Serde<TokenWindow> values) {
        return new WindowStoreBuilder<>(supplier, keys, values, Time.SYSTEM) {
            {
                super.withCachingDisabled();
            }

            @Override
            public WindowStoreBuilder<String, TokenWindow> withCachingEnabled() {
                return this; // this store is the cache
            }

            @Override
            public WindowStore<String, TokenWindow> build() {
                return new TokenWindowStore(super.build());
            }
        };
    }

    @Override
    public TokenWindow fetch(String key, long start) {
        WindowKey at = new WindowKey(key, start);
        TokenWindow window = dirty.get(at);
        if (window == null) {
            window = clean.get(at);
        }
        if (window == null) {
            window = store.fetch(key, start);
            keepClean(at, window);
        }
        return window;
    }

    @Override
    public void put(String key, TokenWindow window, long start) {
        if (window == null) {
            throw new IllegalArgumentException("token windows are never deleted");
        }
        WindowKey at = new WindowKey(key, start);
        dirty.put(at, window);
        clean.remove(at);
    }

    /** The commit's write-back: every changed window, serialized once, to the logged store. */
    @Override
    public void flushCache() {
        for (var entry : dirty.entrySet()) {
            store.put(entry.getKey().key(), entry.getValue(), entry.getKey().start());
            keepClean(entry.getKey(), entry.getValue());
        }
        dirty.clear();
    }

    @Override
    public void clearCache() {
        dirty.clear();
        clean.clear();
    }

    private void keepClean(WindowKey at, TokenWindow window) {
        if (window == null) {
            return;
        }
        if (clean.size() >= MAX_CLEAN) {
            clean.clear(); // the open windows come back on their next read
        }
        clean.put(at, window);
    }

    // range reads: the store below, as of the last commit

    @Override
    public WindowStoreIterator<TokenWindow> fetch(String key, long timeFrom, long timeTo) {
        return store.fetch(key, timeFrom, timeTo);
    }

    @Override
    public WindowStoreIterator<TokenWindow> backwardFetch(String key, long timeFrom, long timeTo) {
        return store.backwardFetch(key, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<String>, TokenWindow> fetch(String keyFrom, String keyTo, long timeFrom, long timeTo) {
        return store.fetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<String>, TokenWindow> backwardFetch(String keyFrom, String keyTo, long timeFrom,
            long timeTo) {
        return store.backwardFetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<String>, TokenWindow> fetchAll(long timeFrom, long timeTo) {
        return store.fetchAll(timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<String>, TokenWindow> backwardFetchAll(long timeFrom, long timeTo) {
        return store.backwardFetchAll(timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<String>, TokenWindow> all() {
        return store.all();
    }

    @Override
    public KeyValueIterator<Windowed<String>, TokenWindow> backwardAll() {
        return store.backwardAll();
    }
}
