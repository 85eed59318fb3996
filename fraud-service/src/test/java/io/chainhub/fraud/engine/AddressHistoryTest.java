package io.chainhub.fraud.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The recent legs stay in time order (the sliding windows rely on it) without sorting the list per leg. */
class AddressHistoryTest {

    @Test
    void shouldInsertLateLegInTimeOrder() {
        AddressHistory history = AddressHistory.EMPTY.with(leg("a", 100), 3_600, false, false)
                .with(leg("b", 300), 3_600, false, false)
                .with(leg("c", 200), 3_600, false, false);

        assertThat(history.recent()).extracting(Leg::eventId).containsExactly("a", "c", "b");
    }

    @Test
    void shouldKeepArrivalOrderWhenTimesAreEqual() {
        AddressHistory history = AddressHistory.EMPTY.with(leg("a", 100), 3_600, false, false)
                .with(leg("b", 100), 3_600, false, false);

        assertThat(history.recent()).extracting(Leg::eventId).containsExactly("a", "b");
    }

    @Test
    void shouldForgetLegsOlderThanRetention() {
        AddressHistory history = AddressHistory.EMPTY.with(leg("a", 100), 3_600, false, false)
                .with(leg("b", 2_000), 3_600, false, false)
                .with(leg("c", 3_800), 3_600, false, false);

        assertThat(history.recent()).extracting(Leg::eventId).containsExactly("b", "c");
    }

    private static Leg leg(String eventId, long time) {
        return new Leg(eventId, 1, "0x1", "0xa", "0xb", Direction.OUT, Leg.NATIVE, null, 18, "1", time);
    }
}
