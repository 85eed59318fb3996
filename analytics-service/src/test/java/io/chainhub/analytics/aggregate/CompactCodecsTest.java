package io.chainhub.analytics.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The binary formats of the internal records read back what was written, and refuse other formats. */
class CompactCodecsTest {

    private static final BigInteger UINT256_MAX = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
    private static final TransferDelta DELTA = new TransferDelta("1:0xaa:0", 1, "0xtoken", "DEMO", 18, "0xfrom",
            "0xto", UINT256_MAX, -1, Finality.CONFIRMED, 100, 1_700_000_000, "0xaa");

    @Test
    void shouldReadBackTransferDeltaWithNullsAndUint256() {
        TransferDelta nulls = new TransferDelta("1:0xbb:native", 1, TransferDelta.NATIVE, null, null, "a", "b",
                BigInteger.ZERO, 1, Finality.PROVISIONAL, 1, 2, null);

        assertThat(roundTrip(AnalyticsSerdes.TRANSFER_DELTA, DELTA)).isEqualTo(DELTA);
        assertThat(roundTrip(AnalyticsSerdes.TRANSFER_DELTA, nulls)).isEqualTo(nulls);
    }

    @Test
    void shouldReadBackTokenWindowWithLargestAndUniques() {
        TokenWindow window = new TokenWindow("DEMO", 18, new Figures(3, UINT256_MAX.multiply(BigInteger.TEN)),
                new Figures(-1, BigInteger.ONE.negate()), 42, List.of(LargeTransfer.of(DELTA)), new Uniques(1, 2, 3),
                new Uniques(4, 5, 6));

        assertThat(roundTrip(AnalyticsSerdes.TOKEN_WINDOW, window)).isEqualTo(window);
        assertThat(roundTrip(AnalyticsSerdes.TOKEN_WINDOW, TokenWindow.EMPTY)).isEqualTo(TokenWindow.EMPTY);
    }

    @Test
    void shouldReadBackLedgerWithAndWithoutCountedBlock() {
        TransferLedger counted = new TransferLedger(List.of(TransferLedger.idHash("a@0x1:OBSERVED"),
                TransferLedger.idHash("a@0x1:CONFIRMED")), Finality.CONFIRMED, "0x1", 12, 1_700_000_000, 7);
        TransferLedger reverted = new TransferLedger(List.of(TransferLedger.idHash("a@0x1:REVERTED")), null, null, 0, 0, 8);

        assertThat(roundTrip(AnalyticsSerdes.TRANSFER_LEDGER, counted)).isEqualTo(counted);
        assertThat(roundTrip(AnalyticsSerdes.TRANSFER_LEDGER, reverted)).isEqualTo(reverted);
    }

    @Test
    void shouldRefuseJsonStateOfEarlierVersionsWhenRead() {
        byte[] json = "{\"confirmed\":{\"transfers\":1,\"volume\":1}}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> AnalyticsSerdes.PARTY_WINDOW.deserializer().deserialize("party-1h-changelog", json))
                .isInstanceOf(SerializationException.class).hasMessageContaining("README: Replay");
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }
}
