package io.chainhub.analytics.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;

/** Token windows as objects, written back to the logged store below once per commit. */
class TokenWindowStoreTest {

    @SuppressWarnings("unchecked")
    private final WindowStore<String, TokenWindow> below = mock(WindowStore.class);
    private final TokenWindowStore windows = new TokenWindowStore(below);

    @Test
    void shouldWriteOnlyLastWindowWhenCommitted() {
        TokenWindow first = window(1);
        TokenWindow second = window(2);

        windows.put("1|t", first, 0);
        windows.put("1|t", second, 0);
        verify(below, never()).put(anyString(), any(), anyLong());

        windows.flushCache();

        verify(below).put("1|t", second, 0);
        verify(below, times(1)).put(anyString(), any(), anyLong());
        windows.flushCache();
        verify(below, times(1)).put(anyString(), any(), anyLong());
    }

    @Test
    void shouldReadOwnWriteWithoutStoreWhenNotYetCommitted() {
        windows.put("1|t", window(1), 0);

        assertThat(windows.fetch("1|t", 0)).isEqualTo(window(1));
        verify(below, never()).fetch(anyString(), anyLong());
    }

    @Test
    void shouldReadStoreOnceWhenWindowIsReadAgain() {
        when(below.fetch("1|t", 0)).thenReturn(window(3));

        windows.fetch("1|t", 0);
        windows.fetch("1|t", 0);

        verify(below, times(1)).fetch("1|t", 0);
    }

    @Test
    void shouldForgetUncommittedWritesWhenCacheCleared() {
        when(below.fetch("1|t", 0)).thenReturn(window(1));

        windows.put("1|t", window(2), 0);
        windows.clearCache();

        assertThat(windows.fetch("1|t", 0)).isEqualTo(window(1));
        windows.flushCache();
        verify(below, never()).put(anyString(), any(), anyLong());
    }

    /** The hook is an internal interface of Kafka Streams: this fails if a task stops calling it at commit. */
    @Test
    void shouldReachStoreBelowWhenTaskCommits() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(TokenWindowStore.builder(Stores.inMemoryWindowStore("tokens", Duration.ofDays(1),
                Duration.ofMinutes(1), false), Serdes.String(), AnalyticsSerdes.TOKEN_WINDOW));
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .process(() -> new Processor<String, String, Void, Void>() {
                    private WindowStore<String, TokenWindow> store;

                    @Override
                    public void init(ProcessorContext<Void, Void> context) {
                        store = context.getStateStore("tokens");
                    }

                    @Override
                    public void process(Record<String, String> record) {
                        store.put(record.key(), window(Long.parseLong(record.value())), 0);
                    }
                }, "tokens");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "token-window-store-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);

        try (var driver = new TopologyTestDriver(builder.build(), props)) {
            driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer()).pipeInput("1|t", "7");

            // the driver commits after each record; without the objects, what is left is what reached the store below
            TokenWindowStore store = (TokenWindowStore) driver.<String, TokenWindow>getWindowStore("tokens");
            store.clearCache();
            assertThat(store.fetch("1|t", 0)).isEqualTo(window(7));
        }
    }

    private static TokenWindow window(long volume) {
        return TokenWindow.EMPTY.apply(new TransferDelta("1:0x1:0", 1, "t", "DEMO", 18, "0xa", "0xb",
                BigInteger.valueOf(volume), 1, Finality.CONFIRMED, 1, 0, "0x1"), false);
    }
}
