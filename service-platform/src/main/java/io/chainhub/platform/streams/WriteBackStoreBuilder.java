package io.chainhub.platform.streams;

import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Builds a {@link WriteBackStore} over what a builder of the store below builds. Caching settings are ignored (the
 * write-back store is the cache; the store below is built without Streams' record cache); logging settings go to the
 * store below, whose changelog it is.
 *
 * @param <B> the store below
 * @param <T> the write-back store
 */
public final class WriteBackStoreBuilder<B extends StateStore, T extends StateStore> implements StoreBuilder<T> {

    private final StoreBuilder<B> below;
    private final Function<B, T> wrap;

    /** @param below builds the logged store below; its record cache is turned off here */
    public WriteBackStoreBuilder(StoreBuilder<B> below, Function<B, T> wrap) {
        this.below = below.withCachingDisabled();
        this.wrap = wrap;
    }

    @Override
    public StoreBuilder<T> withCachingEnabled() {
        return this;
    }

    @Override
    public StoreBuilder<T> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<T> withLoggingEnabled(Map<String, String> config) {
        below.withLoggingEnabled(config);
        return this;
    }

    @Override
    public StoreBuilder<T> withLoggingDisabled() {
        below.withLoggingDisabled();
        return this;
    }

    @Override
    public T build() {
        return wrap.apply(below.build());
    }

    @Override
    public Map<String, String> logConfig() {
        return below.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
        return below.loggingEnabled();
    }

    @Override
    public String name() {
        return below.name();
    }
}
