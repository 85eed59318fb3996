package io.chainhub.analytics.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;

/** Party rows as objects, logged in one batch per commit and read back from the batches after a restart. */
class PartyWindowStoreTest {

    private static final long MINUTE = Duration.ofMinutes(1).toMillis();

    /** The store below: batch number → bytes, as the logged key-value store (and its changelog) would end up. */
    private final TreeMap<Long, byte[]> batches = new TreeMap<>();
    private final PartyWindowStore parties = new PartyWindowStore(below(batches), Duration.ofMinutes(10),
            Duration.ofMinutes(1));

    @Test
    void shouldWriteOneBatchPerCommitAndReadItBackWhenReopened() {
        parties.put("1|t|S|0xa", party(1), 0);
        parties.put("1|t|R|0xb", party(2), 0);
        parties.put("1|t|S|0xa", party(3), 0);
        assertThat(batches).isEmpty();

        parties.flushCache();

        assertThat(batches).hasSize(1);
        parties.clearCache(); // as after a restart: only the batches below are left
        assertThat(parties.fetch("1|t|S|0xa", 0)).isEqualTo(party(3));
        assertThat(parties.fetch("1|t|R|0xb", 0)).isEqualTo(party(2));
    }

    @Test
    void shouldKeepBatchWhenItsOnlyRowWasWrittenTwiceInIt() {
        parties.put("1|t|S|0xa", party(1), 0);
        parties.put("1|t|S|0xa", party(2), 0);
        parties.flushCache();

        parties.clearCache();

        assertThat(batches).hasSize(1);
        assertThat(parties.fetch("1|t|S|0xa", 0)).isEqualTo(party(2));
    }

    @Test
    void shouldReadBackVolumesBeyondLongWhenReopened() {
        PartyWindow whale = PartyWindow.EMPTY.apply(new TransferDelta("1:0x1:0", 1, "t", "DEMO", 18, "0xa", "0xb",
                BigInteger.TWO.pow(200), 1, Finality.PROVISIONAL, 1, 0, "0x1"));
        parties.put("1|t|S|0xa", whale, 0);
        parties.flushCache();

        parties.clearCache();

        assertThat(parties.fetch("1|t|S|0xa", 0)).isEqualTo(whale);
    }

    @Test
    void shouldDeleteBatchWhenEveryRowWasWrittenAgain() {
        parties.put("1|t|S|0xa", party(1), 0);
        parties.flushCache();
        parties.put("1|t|S|0xa", party(2), 0);
        parties.flushCache(); // batch 1; batch 0 holds nothing latest any more: deleted

        assertThat(batches.keySet()).containsExactly(1L);
        parties.clearCache();
        assertThat(parties.fetch("1|t|S|0xa", 0)).isEqualTo(party(2));
    }

    @Test
    void shouldRewriteRowsOfMostlySupersededBatch() {
        parties.put("1|t|S|0xa", party(1), 0);
        parties.put("1|t|S|0xb", party(1), 0);
        parties.put("1|t|S|0xc", party(1), 0);
        parties.flushCache(); // batch 0: a, b, c
        parties.put("1|t|S|0xa", party(2), 0);
        parties.put("1|t|S|0xb", party(2), 0);
        parties.flushCache(); // batch 1: a, b; only c is still latest in batch 0

        parties.flushCache(); // c written again (batch 2), batch 0 deleted

        assertThat(batches.keySet()).containsExactly(1L, 2L);
        parties.clearCache();
        assertThat(List.of(parties.fetch("1|t|S|0xa", 0), parties.fetch("1|t|S|0xb", 0),
                parties.fetch("1|t|S|0xc", 0))).containsExactly(party(2), party(2), party(1));
    }

    @Test
    void shouldKeepDeletionAcrossReopenWhenOlderBatchStillHoldsRow() {
        parties.put("1|t|S|0xa", party(1), 0);
        parties.put("1|t|S|0xb", party(1), 0);
        parties.flushCache();
        parties.put("1|t|S|0xa", null, 0);
        parties.flushCache();

        parties.clearCache();

        assertThat(parties.fetch("1|t|S|0xa", 0)).isNull();
        assertThat(parties.fetch("1|t|S|0xb", 0)).isEqualTo(party(1));
    }

    @Test
    void shouldExpireWindowsAndTheirBatchesAfterRetention() {
        parties.put("1|t|S|0xa", party(1), 0);
        parties.flushCache();
        parties.put("1|t|S|0xa", party(2), 10 * MINUTE); // the newest start is now a retention past window 0

        assertThat(parties.fetch("1|t|S|0xa", 0)).isNull();
        parties.put("1|t|S|0xa", party(3), 0); // too late for an expired window: dropped
        parties.flushCache();

        assertThat(batches.keySet()).containsExactly(1L);
        parties.clearCache();
        assertThat(parties.fetch("1|t|S|0xa", 0)).isNull();
        assertThat(parties.fetch("1|t|S|0xa", 10 * MINUTE)).isEqualTo(party(2));
    }

    @Test
    void shouldAnswerKeyRangeOfOneTokenAndRoleInKeyOrder() {
        parties.put("1|t|S|0xb", party(2), 0);
        parties.put("1|t|S|0xa", party(1), 0);
        parties.put("1|t|R|0xa", party(5), 0);
        parties.put("1|u|S|0xa", party(6), 0);
        parties.put("1|t|S|0xc", party(3), MINUTE);

        List<String> keys = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        try (var range = parties.fetch("1|t|S|", "1|t|S|~", 0, MINUTE)) {
            range.forEachRemaining(entry -> {
                keys.add(entry.key.key());
                starts.add(entry.key.window().start());
            });
        }

        assertThat(keys).containsExactly("1|t|S|0xa", "1|t|S|0xb", "1|t|S|0xc");
        assertThat(starts).containsExactly(0L, 0L, MINUTE);
    }

    /** The commit hook is an internal interface of Kafka Streams: this fails if a task stops calling it. */
    @Test
    void shouldReachStoreBelowWhenTaskCommits() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(PartyWindowStore.builder("parties", Duration.ofDays(1), Duration.ofMinutes(1), true));
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .process(() -> new Processor<String, String, Void, Void>() {
                    private WindowStore<String, PartyWindow> store;

                    @Override
                    public void init(ProcessorContext<Void, Void> context) {
                        store = context.getStateStore("parties");
                    }

                    @Override
                    public void process(Record<String, String> record) {
                        store.put(record.key(), party(Long.parseLong(record.value())), 0);
                    }
                }, "parties");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "party-window-store-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);

        try (var driver = new TopologyTestDriver(builder.build(), props)) {
            driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer())
                    .pipeInput("1|t|S|0xa", "7");

            // the driver commits after each record; without the objects, what is left is what reached the store below
            PartyWindowStore store = (PartyWindowStore) driver.<String, PartyWindow>getWindowStore("parties");
            store.clearCache();
            assertThat(store.fetch("1|t|S|0xa", 0)).isEqualTo(party(7));
        }
    }

    private static PartyWindow party(long volume) {
        return PartyWindow.EMPTY.apply(new TransferDelta("1:0x1:0", 1, "t", "DEMO", 18, "0xa", "0xb",
                BigInteger.valueOf(volume), 1, Finality.CONFIRMED, 1, 0, "0x1"));
    }

    @SuppressWarnings("unchecked")
    private static KeyValueStore<Long, byte[]> below(TreeMap<Long, byte[]> batches) {
        KeyValueStore<Long, byte[]> store = mock(KeyValueStore.class);
        doAnswer(call -> batches.put(call.getArgument(0), call.getArgument(1))).when(store).put(anyLong(), any());
        doAnswer(call -> batches.remove(call.<Long>getArgument(0))).when(store).delete(anyLong());
        when(store.all()).thenAnswer(call -> iterator(new ArrayList<>(batches.entrySet().stream()
                .map(e -> KeyValue.pair(e.getKey(), e.getValue())).toList())));
        return store;
    }

    private static KeyValueIterator<Long, byte[]> iterator(List<KeyValue<Long, byte[]>> entries) {
        var it = entries.iterator();
        return new KeyValueIterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public KeyValue<Long, byte[]> next() {
                return it.next();
            }

            @Override
            public Long peekNextKey() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() {
            }
        };
    }
}
