package io.chainhub.fraud.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The filter may say "maybe" for a stranger, never "no" for a counterparty it was given. */
class CounterpartyFilterTest {

    private final Random random = new Random(11);

    @Test
    void shouldNeverDenyAnAddressItWasGiven() {
        CounterpartyFilter filter = CounterpartyFilter.EMPTY;
        List<String> given = addresses(300);
        for (String address : given) {
            filter = filter.with(address);
        }
        for (String address : given) {
            assertThat(filter.mightContain(address)).as(address).isTrue();
        }
    }

    @Test
    void shouldDenyMostStrangersAtAHundredCounterparties() {
        CounterpartyFilter filter = CounterpartyFilter.EMPTY;
        for (String address : addresses(100)) {
            filter = filter.with(address);
        }
        long falsePositives = addresses(10_000).stream().filter(filter::mightContain).count();

        assertThat(falsePositives).isLessThan(300); // about 1 % expected; 3 % allowed
    }

    @Test
    void shouldKnowNobodyWhenEmptyAndEverybodyWhenUnknown() {
        String address = addresses(1).getFirst();

        assertThat(CounterpartyFilter.EMPTY.mightContain(address)).isFalse();
        assertThat(CounterpartyFilter.UNKNOWN.mightContain(address)).isTrue();
        assertThat(CounterpartyFilter.UNKNOWN.with(address)).isSameAs(CounterpartyFilter.UNKNOWN);
    }

    @Test
    void shouldRoundTripThroughItsWordsAndReadAnyOtherLengthAsUnknown() {
        CounterpartyFilter filter = CounterpartyFilter.EMPTY.with(addresses(1).getFirst());
        long[] words = new long[CounterpartyFilter.LONGS];
        for (int i = 0; i < words.length; i++) {
            words[i] = filter.word(i);
        }

        assertThat(CounterpartyFilter.of(words)).isEqualTo(filter);
        assertThat(CounterpartyFilter.of(new long[3])).isEqualTo(CounterpartyFilter.UNKNOWN);
    }

    @Test
    void shouldAddTheCounterpartyOfAnyLegButDust() {
        String counterparty = addresses(1).getFirst();
        Leg leg = new Leg("31337:0xabc:0", 31337, "0xabc", "0x" + "1".repeat(40), counterparty, Direction.OUT,
                Leg.NATIVE, "ETH", 18, "5", 1_700_000_000L);

        assertThat(AddressHistory.EMPTY.with(leg, 3_600, false, true).known().mightContain(counterparty)).isTrue();
        assertThat(AddressHistory.EMPTY.with(leg, 3_600, true, false).known().mightContain(counterparty)).isFalse();
    }

    private List<String> addresses(int count) {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            addresses.add(String.format("0x%040x", new BigInteger(160, random)));
        }
        return addresses;
    }
}
