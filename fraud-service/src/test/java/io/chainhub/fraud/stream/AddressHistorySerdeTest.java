package io.chainhub.fraud.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.chainhub.fraud.engine.AddressHistory;
import io.chainhub.fraud.engine.CounterpartyFilter;
import io.chainhub.fraud.engine.Direction;
import io.chainhub.fraud.engine.Leg;
import io.chainhub.platform.bytes.CompactBytes;
import org.junit.jupiter.api.Test;

/** The binary store format keeps every field of the history, nulls included, and still reads formats 1 and 2. */
class AddressHistorySerdeTest {

    @Test
    void shouldKeepTheCounterpartyFilter() {
        String counterparty = "0x" + "2".repeat(40);
        Leg leg = new Leg("31337:0xabc:0", 31337, "0xabc", "0x" + "1".repeat(40), counterparty, Direction.OUT,
                Leg.NATIVE, "ETH", 18, "42", 1_700_000_000L);
        AddressHistory history = AddressHistory.EMPTY.with(leg, 3_600, false, true);

        AddressHistory read = AddressHistorySerde.read(AddressHistorySerde.write(history));

        assertThat(read).isEqualTo(history);
        assertThat(read.known().mightContain(counterparty)).isTrue();
        assertThat(read.known().mightContain("0x" + "3".repeat(40))).isFalse();
    }

    @Test
    void shouldWriteTheAddressOnceAndNoTransactionHashWhenTheEventIdHoldsIt() {
        String address = "0x" + "7".repeat(40);
        String tx = "0x" + "9".repeat(64);
        Leg first = new Leg("31337:" + tx + ":0", 31337, tx, address, "0x" + "2".repeat(40), Direction.OUT,
                Leg.NATIVE, "ETH", 18, "42", 1_700_000_000L);
        Leg second = new Leg("31337:" + tx + ":1", 31337, tx, address, "0x" + "3".repeat(40), Direction.IN,
                Leg.NATIVE, "ETH", 18, "43", 1_700_000_060L);
        AddressHistory history = new AddressHistory(List.of(first, second), Map.of(), 2);

        byte[] bytes = AddressHistorySerde.write(history);

        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text.split(address, -1)).hasSize(2); // once
        assertThat(text.split(tx, -1)).hasSize(3); // only inside the two event ids
        assertThat(AddressHistorySerde.read(bytes)).isEqualTo(history);
    }

    @Test
    void shouldReadFormatTwoWithAFilterThatKnowsNothingForSure() {
        Leg leg = new Leg("31337:0xabc:0", 31337, "0xabc", "0x" + "1".repeat(40), null, Direction.IN, Leg.NATIVE,
                "ETH", 18, "42", 1_700_000_000L);
        var out = new CompactBytes.Writer(64); // format 2 as the previous release wrote it: no filter
        out.writeByte(2).writeInt(5).writeInt(0).writeInt(1);
        out.writeString(leg.eventId()).writeLong(leg.chainId()).writeString(leg.txHash()).writeString(leg.address())
                .writeString(leg.counterparty()).writeByte(leg.direction().ordinal()).writeString(leg.token())
                .writeString(leg.symbol()).writeInt(18).writeString(leg.amount()).writeLong(leg.time());

        AddressHistory read = AddressHistorySerde.read(out.toByteArray());

        assertThat(read.recent()).containsExactly(leg);
        assertThat(read.counterpartyCount()).isEqualTo(5);
        assertThat(read.known()).isEqualTo(CounterpartyFilter.UNKNOWN);
    }

    @Test
    void shouldReadBackWhatItWroteWhenLegsHaveNullableFields() {
        Leg erc20 = new Leg("31337:0xabc:0", 31337, "0xabc", "0x" + "1".repeat(40), "0x" + "2".repeat(40),
                Direction.OUT, "0x" + "3".repeat(40), "DEMO", 18, "1000000000000000000000", 1_700_000_000L);
        Leg mint = new Leg("31337:0xdef:native", 1, null, "0x" + "1".repeat(40), null, Direction.IN, Leg.NATIVE, null,
                null, "0", 1_700_000_060L);
        AddressHistory history = new AddressHistory(List.of(erc20, mint),
                Map.of(Leg.NATIVE, new AddressHistory.Typical(3, new BigInteger("123456789012345678901234567890"))), 42);

        // the history store's serde, given a history read back (no bytes of its own): it encodes
        var serde = HistoryStore.Encoded.serde();
        byte[] bytes = serde.serializer().serialize("t", new HistoryStore.Encoded(history, null));

        assertThat(serde.deserializer().deserialize("t", bytes).history()).isEqualTo(history);
        assertThat(serde.deserializer().deserialize("t",
                serde.serializer().serialize("t", new HistoryStore.Encoded(AddressHistory.EMPTY, null))).history())
                .isEqualTo(AddressHistory.EMPTY);
    }

    @Test
    void shouldWriteSameBytesAsUtf8WhenStringIsNotAscii() {
        String symbol = "\u039E\u20AC\uD83D\uDE00"; // 2-, 3- and 4-byte UTF-8
        Leg leg = new Leg("31337:0xabc:0", 31337, "0xabc", "0x" + "1".repeat(40), null, Direction.IN, Leg.NATIVE,
                symbol, 18, "42", 1_700_000_000L);
        byte[] written = new CompactBytes.Writer(16).writeString("0xab").writeString(symbol).toByteArray();

        assertThat(written).containsExactly(0, 0, 0, 4, '0', 'x', 'a', 'b', 0, 0, 0, 9,
                0xCE, 0x9E, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80);
        AddressHistory history = new AddressHistory(List.of(leg), Map.of(), 1);
        assertThat(AddressHistorySerde.read(AddressHistorySerde.write(history))).isEqualTo(history);
    }

    @Test
    void shouldWriteOnlyTheSmallHistoryWhenBufferIsReusedAfterLargeOne() {
        Leg leg = new Leg("31337:0xabc:0", 31337, "0xabc", "0x" + "1".repeat(40), "0x" + "2".repeat(40),
                Direction.OUT, Leg.NATIVE, "ETH", 18, "42", 1_700_000_000L);
        AddressHistory large = new AddressHistory(Collections.nCopies(200, leg), Map.of(), 200);
        AddressHistory small = new AddressHistory(List.of(leg), Map.of(), 1);
        byte[] smallAlone = AddressHistorySerde.write(small);

        AddressHistorySerde.write(large);

        assertThat(AddressHistorySerde.write(small)).isEqualTo(smallAlone);
        assertThat(AddressHistorySerde.read(AddressHistorySerde.write(small))).isEqualTo(small);
    }

    @Test
    void shouldReadFormatOneWhenStoreWasWrittenByThePreviousRelease() throws IOException {
        Leg leg = new Leg("31337:0xabc:0", 31337, "0xabc", "0x" + "1".repeat(40), null, Direction.IN, Leg.NATIVE,
                "ETH", 18, "42", 1_700_000_000L);
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) { // format 1 as the previous release wrote it
            out.writeByte(1);
            out.writeInt(7);
            out.writeShort(1);
            out.writeUTF(Leg.NATIVE);
            out.writeLong(2);
            out.writeUTF("84");
            out.writeInt(1);
            out.writeUTF(leg.eventId());
            out.writeLong(leg.chainId());
            out.writeBoolean(true);
            out.writeUTF(leg.txHash());
            out.writeUTF(leg.address());
            out.writeBoolean(false);
            out.writeByte(Direction.IN.ordinal());
            out.writeUTF(leg.token());
            out.writeBoolean(true);
            out.writeUTF(leg.symbol());
            out.writeInt(18);
            out.writeUTF(leg.amount());
            out.writeLong(leg.time());
        }

        assertThat(AddressHistorySerde.read(bytes.toByteArray())).isEqualTo(new AddressHistory(List.of(leg),
                Map.of(Leg.NATIVE, new AddressHistory.Typical(2, BigInteger.valueOf(84))), 7));
    }

    @Test
    void shouldRefuseUnknownFormatWhenVersionByteDiffers() {
        byte[] bytes = AddressHistorySerde.write(AddressHistory.EMPTY);
        bytes[0] = 99;

        assertThatThrownBy(() -> AddressHistorySerde.read(bytes)).hasMessageContaining("format 99");
    }
}
