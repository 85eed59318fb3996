package io.chainhub.platform.streams;

import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A {@link WriteBackStore} that is a key-value store: the compound writes in terms of {@link #get} and {@link #put},
 * where putting {@code null} deletes (as for Streams' own key-value stores).
 *
 * @param <S> the logged store below
 */
public abstract class WriteBackKeyValueStore<S extends StateStore, K, V> extends WriteBackStore<S, K, V>
        implements KeyValueStore<K, V> {

    protected WriteBackKeyValueStore(S store) {
        super(store);
    }

    @Override
    public V putIfAbsent(K key, V value) {
        V before = get(key);
        if (before == null) {
            put(key, value);
        }
        return before;
    }

    @Override
    public void putAll(List<KeyValue<K, V>> entries) {
        entries.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public V delete(K key) {
        V before = get(key);
        put(key, null);
        return before;
    }
}
