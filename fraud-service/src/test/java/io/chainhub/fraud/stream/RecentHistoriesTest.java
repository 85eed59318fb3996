package io.chainhub.fraud.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.chainhub.fraud.engine.AddressHistory;
import io.chainhub.fraud.engine.Direction;
import io.chainhub.fraud.engine.Leg;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/** Objects in front of the history store: every write reaches the store, reads of recent keys do not. */
class RecentHistoriesTest {

    @SuppressWarnings("unchecked")
    private final KeyValueStore<String, AddressHistory> store = mock(KeyValueStore.class);
    private final RecentHistories histories = new RecentHistories(store);

    @Test
    void shouldWriteThroughToStoreWhenPut() {
        AddressHistory history = history(1);

        histories.put("a", history);

        verify(store).put("a", history);
        assertThat(histories.get("a")).isSameAs(history);
        verify(store, times(0)).get("a");
    }

    @Test
    void shouldReadStoreOnceWhenSameAddressIsReadAgain() {
        AddressHistory history = history(2);
        when(store.get("a")).thenReturn(history);

        histories.get("a");
        histories.get("a");

        verify(store, times(1)).get("a");
    }

    @Test
    void shouldReadStoreEachTimeWhenHistoryHasManyLegs() {
        AddressHistory busy = history(RecentHistories.MAX_LEGS + 1);
        when(store.get("a")).thenReturn(busy);

        histories.get("a");
        histories.get("a");

        verify(store, times(2)).get("a");
    }

    @Test
    void shouldForgetLeastRecentlyUsedWhenFull() {
        for (int i = 0; i <= RecentHistories.MAX_ENTRIES; i++) {
            histories.put("k" + i, history(1));
        }

        histories.get("k0");

        verify(store).get("k0");
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
