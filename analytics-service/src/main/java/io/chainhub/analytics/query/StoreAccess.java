package io.chainhub.analytics.query;

import java.util.Collection;

import io.chainhub.analytics.aggregate.AggregateKeys;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * The running Streams instance's stores, and where a key lives when several instances share the
 * work ({@code application.server} tells the others how to reach each instance).
 */
@Component
public class StoreAccess {

    private final StreamsBuilderFactoryBean factory;
    // parsed once: every routed query compares the key's owner with this instance
    private volatile HostInfo self;

    StoreAccess(StreamsBuilderFactoryBean factory) {
        this.factory = factory;
    }

    public KafkaStreams streams() {
        KafkaStreams streams = factory.getKafkaStreams();
        if (streams == null) {
            throw new InvalidStateStoreException("Kafka Streams is not started");
        }
        // metadata lookups throw IllegalStateException otherwise: a 500 instead of the 503 it is
        if (!streams.state().isRunningOrRebalancing()) {
            throw new InvalidStateStoreException("Kafka Streams is " + streams.state());
        }
        return streams;
    }

    public <V> ReadOnlyWindowStore<String, V> windowStore(String name) {
        return streams().store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>windowStore()));
    }

    public <V> ReadOnlyKeyValueStore<String, V> keyValueStore(String name) {
        return streams().store(StoreQueryParameters.fromNameAndType(name,
                QueryableStoreTypes.<String, V>keyValueStore()));
    }

    /** Host of the token and party stores for {@code chainId|token}; null when this instance holds it. */
    public HostInfo remoteOwnerOfToken(String store, String tokenKey) {
        return remote(streams().queryMetadataForKey(store, tokenKey, AggregateKeys.<String>byToken()));
    }

    /** Host of a store keyed by chain id; null when this instance holds it. */
    public HostInfo remoteOwnerOfChain(String store, long chainId) {
        return remote(streams().queryMetadataForKey(store, Long.toString(chainId), Serdes.String().serializer()));
    }

    /** The other instances that hold a part of {@code store}. */
    public Collection<HostInfo> otherHosts(String store) {
        HostInfo self = self();
        return streams().streamsMetadataForStore(store).stream().map(StreamsMetadata::hostInfo)
                .filter(host -> !host.equals(self)).distinct().toList();
    }

    private HostInfo remote(KeyQueryMetadata metadata) {
        if (metadata == null || metadata == KeyQueryMetadata.NOT_AVAILABLE) {
            throw new InvalidStateStoreException("the store's metadata is not available yet (rebalancing)");
        }
        HostInfo active = metadata.activeHost();
        return active.equals(self()) ? null : active;
    }

    private HostInfo self() {
        HostInfo known = self;
        if (known == null) {
            known = parseSelf();
            self = known;
        }
        return known;
    }

    private HostInfo parseSelf() {
        Object server = factory.getStreamsConfiguration().get("application.server");
        return server == null ? HostInfo.unavailable() : HostInfo.buildFromEndpoint(server.toString());
    }
}
