package io.chainhub.fraud.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.chainhub.fraud.engine.AddressHistory;
import io.chainhub.fraud.engine.Direction;
import io.chainhub.fraud.engine.Leg;
import org.apache.kafka.common.serialization.Serdes;
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

/** Histories as objects, written back to the logged store below once per commit. */
class HistoryStoreTest {

    @SuppressWarnings("unchecked")
    private final KeyValueStore<String, HistoryStore.Encoded> below = mock(KeyValueStore.class);
    private final HistoryStore histories = new HistoryStore(below);

    @Test
    void shouldWriteOnlyLastHistoryOfKeyWhenCommitted() {
        AddressHistory first = history(1);
        AddressHistory second = history(2);

        histories.put("a", first);
        histories.put("a", second);
        verify(below, never()).putAll(any());

        histories.flushCache();

        List<KeyValue<String, HistoryStore.Encoded>> written = written();
        assertThat(written).extracting(entry -> entry.key).containsExactly("a");
        assertThat(written.getFirst().value.history()).isSameAs(second);
        // the bytes encoded at put are what the store below writes, and they are the second history's
        assertThat(AddressHistorySerde.read(written.getFirst().value.bytes())).isEqualTo(second);
        histories.flushCache();
        verify(below, times(1)).putAll(any());
    }

    @Test
    void shouldReadOwnWriteWithoutStoreWhenNotYetCommitted() {
        AddressHistory history = history(1);

        histories.put("a", history);

        assertThat(histories.get("a")).isSameAs(history);
        verify(below, never()).get("a");
    }

    @Test
    void shouldWriteDeletionWhenCommitted() {
        when(below.get("a")).thenReturn(stored(history(1)));

        histories.delete("a");

        assertThat(histories.get("a")).isNull();
        histories.flushCache();
        List<KeyValue<String, HistoryStore.Encoded>> deleted = new ArrayList<>();
        deleted.add(KeyValue.pair("a", null));
        verify(below).putAll(deleted);
    }

    @Test
    void shouldForgetUncommittedWritesWhenCacheCleared() {
        AddressHistory committed = history(1);
        when(below.get("a")).thenReturn(stored(committed));

        histories.put("a", history(2));
        histories.clearCache();

        assertThat(histories.get("a")).isSameAs(committed);
        histories.flushCache();
        verify(below, never()).putAll(any());
    }

    @Test
    void shouldReadStoreOnceWhenSameAddressIsReadAgain() {
        when(below.get("a")).thenReturn(stored(history(2)));

        histories.get("a");
        histories.get("a");

        verify(below, times(1)).get("a");
    }

    @Test
    void shouldReadStoreEachTimeWhenHistoryHasManyLegs() {
        when(below.get("a")).thenReturn(stored(history(HistoryStore.MAX_CLEAN_LEGS + 1)));

        histories.get("a");
        histories.get("a");

        verify(below, times(2)).get("a");
    }

    @Test
    void shouldForgetHistoriesNotReadAgainWhenFull() {
        when(below.get(any())).thenReturn(stored(history(1)));
        for (int i = 0; i <= HistoryStore.MAX_CLEAN_ENTRIES; i++) {
            histories.get("k" + i);
            if (i == 1) {
                histories.get("k0"); // used again before the map is full: kept
            }
        }

        histories.get("k0");
        histories.get("k1");

        verify(below, times(1)).get("k0");
        verify(below, times(2)).get("k1");
    }

    @Test
    void shouldKeepChangedHistoryWhenFull() {
        AddressHistory changed = history(1);
        histories.put("changed", changed);
        when(below.get(any())).thenReturn(stored(history(1)));
        for (int i = 0; i <= 2 * HistoryStore.MAX_CLEAN_ENTRIES; i++) {
            histories.get("k" + i);
        }

        assertThat(histories.get("changed")).isSameAs(changed);
        verify(below, never()).get("changed");
        histories.flushCache();
        assertThat(written()).extracting(entry -> entry.key).containsExactly("changed");
    }

    /** The hook is an internal interface of Kafka Streams: this fails if a task stops calling it at commit. */
    @Test
    void shouldReachStoreBelowWhenTaskCommits() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(HistoryStore.builder(Stores.inMemoryKeyValueStore("histories"), Serdes.String()));
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .process(() -> new Processor<String, String, Void, Void>() {
                    private KeyValueStore<String, AddressHistory> store;

                    @Override
                    public void init(ProcessorContext<Void, Void> context) {
                        store = context.getStateStore("histories");
                    }

                    @Override
                    public void process(Record<String, String> record) {
                        store.put(record.key(), history(Integer.parseInt(record.value())));
                    }
                }, "histories");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "history-store-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);

        try (var driver = new TopologyTestDriver(builder.build(), props)) {
            driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer()).pipeInput("a", "3");

            // the driver commits after each record; without the objects, what is left is what reached the store below
            HistoryStore store = (HistoryStore) driver.<String, AddressHistory>getKeyValueStore("histories");
            store.clearCache();
            assertThat(store.get("a").recent()).hasSize(3);
        }
    }

    @SuppressWarnings("unchecked")
    private List<KeyValue<String, HistoryStore.Encoded>> written() {
        ArgumentCaptor<List<KeyValue<String, HistoryStore.Encoded>>> captor = ArgumentCaptor.forClass(List.class);
        verify(below).putAll(captor.capture());
        return captor.getValue();
    }

    /** As the store below reads it back: without bytes. */
    private static HistoryStore.Encoded stored(AddressHistory history) {
        return new HistoryStore.Encoded(history, null);
    }

    private static AddressHistory history(int legs) {
        List<Leg> recent = new ArrayList<>();
        for (int i = 0; i < legs; i++) {
            recent.add(new Leg("1:0x" + i + ":0", 1, "0x" + i, "0xa", "0xb", Direction.OUT, Leg.NATIVE, null, 18,
                    "1", i));
        }
        return new AddressHistory(recent, Map.of(), 1);
    }
}
