package io.chainhub.platform.streams;

import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A state store that keeps values as objects in front of a logged store below and writes the changed ones back at
 * commit, instead of Streams' record cache (which takes bytes: a serialization and a byte-compared sorted-map
 * insert on every write). Subclasses hold the objects; this class is their life cycle.
 *
 * <p>The hook is Kafka Streams' {@link CachedStateStore#flushCache()}, an internal interface (the one the record
 * cache uses): a task calls it on every commit before it commits the transaction, and on suspension; it calls
 * {@link #clearCache()} when the task is recycled (active to standby or back). The store below registers this one
 * as the root, which is how the task finds the hook. Nothing here outlives an aborted transaction: the task closes
 * its stores and initializes them again, which clears the objects. Each subclass has a test that fails if a
 * commit stops reaching the store below.
 *
 * @param <S> the logged store below, built without a record cache
 */
public abstract class WriteBackStore<S extends StateStore, K, V> implements StateStore, CachedStateStore<K, V> {

    protected final S store;

    protected WriteBackStore(S store) {
        this.store = store;
    }

    /** Writes what changed since the last commit to the store below (inside the commit's transaction). */
    @Override
    public abstract void flushCache();

    /** Forgets every object: what the store below holds is the truth again. */
    @Override
    public abstract void clearCache();

    /** Nothing is forwarded on flush (that is what a KTable's cache does). */
    @Override
    public boolean setFlushListener(CacheFlushListener<K, V> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public String name() {
        return store.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        clearCache();
        store.init(context, root);
    }

    @Override
    public void flush() {
        flushCache();
        store.flush();
    }

    @Override
    public void close() {
        clearCache();
        store.close();
    }

    @Override
    public boolean persistent() {
        return store.persistent();
    }

    @Override
    public boolean isOpen() {
        return store.isOpen();
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return store.query(query, positionBound, config);
    }

    @Override
    public Position getPosition() {
        return store.getPosition();
    }
}
