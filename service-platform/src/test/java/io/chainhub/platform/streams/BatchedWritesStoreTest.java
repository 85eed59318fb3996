package io.chainhub.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Writes wait for the commit and go below as one batch; reads and scans see them before. */
class BatchedWritesStoreTest {

    @SuppressWarnings("unchecked")
    private final KeyValueStore<String, Long> below = mock(KeyValueStore.class);
    private final BatchedWritesStore<String, Long> store = new BatchedWritesStore<>(below);

    @Test
    void shouldWriteCommitsWritesInOneBatchWhenCommitted() {
        store.put("a", 1L);
        store.put("b", 2L);
        store.put("a", 3L);

        assertThat(store.get("a")).isEqualTo(3L);
        verify(below, never()).get("a");
        verify(below, never()).putAll(any());
        verify(below, never()).put(any(), any());

        store.flushCache();

        assertThat(written()).containsExactlyInAnyOrder(KeyValue.pair("a", 3L), KeyValue.pair("b", 2L));
        store.flushCache();
        verify(below, times(1)).putAll(any());
    }

    @Test
    void shouldHideStoredValueAndWriteTombstoneWhenDeleted() {
        when(below.get("a")).thenReturn(1L);

        assertThat(store.delete("a")).isEqualTo(1L);

        assertThat(store.get("a")).isNull();
        store.flushCache();
        assertThat(written()).containsExactly(KeyValue.pair("a", null));
    }

    @Test
    void shouldReadWriteAfterDeleteOfSameKey() {
        store.delete("a");
        store.put("a", 2L);

        assertThat(store.get("a")).isEqualTo(2L);
        store.flushCache();
        assertThat(written()).containsExactly(KeyValue.pair("a", 2L));
    }

    @Test
    void shouldWritePendingBelowBeforeScanning() {
        store.put("a", 1L);

        store.prefixScan("a", new StringSerializer());

        var order = inOrder(below);
        order.verify(below).putAll(List.of(KeyValue.pair("a", 1L)));
        order.verify(below).prefixScan(any(), any());
    }

    @Test
    void shouldForgetUncommittedWritesWhenCacheCleared() {
        when(below.get("a")).thenReturn(1L);
        store.put("a", 2L);

        store.clearCache();

        assertThat(store.get("a")).isEqualTo(1L);
        store.flushCache();
        verify(below, never()).putAll(any());
    }

    /** The hook is an internal interface of Kafka Streams: this fails if a task stops calling it at commit. */
    @Test
    void shouldReachStoreBelowWhenTaskCommits() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(BatchedWritesStore.builder(Stores.inMemoryKeyValueStore("seen"), Serdes.String(),
                Serdes.Long()));
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.Long()))
                .process(() -> new Processor<String, Long, Void, Void>() {
                    private KeyValueStore<String, Long> seen;

                    @Override
                    public void init(ProcessorContext<Void, Void> context) {
                        seen = context.getStateStore("seen");
                    }

                    @Override
                    public void process(Record<String, Long> record) {
                        seen.put(record.key(), record.value());
                    }
                }, "seen");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "batched-writes-store-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);

        try (var driver = new TopologyTestDriver(builder.build(), props)) {
            driver.createInputTopic("in", Serdes.String().serializer(), Serdes.Long().serializer()).pipeInput("a", 7L);

            // the driver commits after each record; without the waiting writes, what is left reached the store below
            var seen = (BatchedWritesStore<String, Long>) driver.<String, Long>getKeyValueStore("seen");
            seen.clearCache();
            assertThat(seen.get("a")).isEqualTo(7L);
        }
    }

    @SuppressWarnings("unchecked")
    private List<KeyValue<String, Long>> written() {
        ArgumentCaptor<List<KeyValue<String, Long>>> captor = ArgumentCaptor.forClass(List.class);
        verify(below).putAll(captor.capture());
        return new ArrayList<>(captor.getValue());
    }
}
