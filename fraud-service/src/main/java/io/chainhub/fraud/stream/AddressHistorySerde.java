package io.chainhub.fraud.stream;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chainhub.fraud.engine.AddressHistory;
import io.chainhub.fraud.engine.CounterpartyFilter;
import io.chainhub.fraud.engine.Direction;
import io.chainhub.fraud.engine.Leg;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary form of {@link AddressHistory} for its store and changelog: read and written on every leg,
 * where Jackson's per-call cost showed at the top of the profile (format 1), then {@code DataOutputStream}'s
 * char-by-char UTF (format 2: {@link CompactBytes}); format 3 adds the {@link CounterpartyFilter}. Internal to this
 * service (the changelog is not a contract); the leading version byte lets a later format read this one, and
 * formats 1 and 2 still read (their histories get a filter that knows nothing for sure).
 */
final class AddressHistorySerde {

    private static final byte VERSION = 3;
    private static final byte WITHOUT_FILTER = 2;
    private static final Direction[] DIRECTIONS = Direction.values();
    /**
     * One buffer per stream thread, copied out at the exact size: a fresh, oversized buffer per write (and a
     * temporary array per string) made the history serializer the stream thread's largest allocator. Grows to the
     * largest history written (at most {@link AddressHistory#MAX_RECENT} legs, a few hundred KB).
     */
    private static final ThreadLocal<CompactBytes.Writer> SCRATCH = ThreadLocal.withInitial(() -> new CompactBytes.Writer(4_096));

    private AddressHistorySerde() {
    }

    static Serde<AddressHistory> serde() {
        Serializer<AddressHistory> serializer = (topic, history) -> history == null ? null : write(history);
        Deserializer<AddressHistory> deserializer = (topic, bytes) -> bytes == null ? null : read(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    static byte[] write(AddressHistory history) {
        var out = SCRATCH.get().reset();
        out.writeByte(VERSION).writeInt(history.counterpartyCount()).writeInt(history.typical().size());
        for (var typical : history.typical().entrySet()) {
            out.writeString(typical.getKey()).writeLong(typical.getValue().samples())
                    .writeBytes(typical.getValue().total().toByteArray());
        }
        for (int i = 0; i < CounterpartyFilter.LONGS; i++) {
            out.writeLong(history.known().word(i));
        }
        out.writeInt(history.recent().size());
        for (Leg leg : history.recent()) {
            out.writeString(leg.eventId()).writeLong(leg.chainId()).writeString(leg.txHash())
                    .writeString(leg.address()).writeString(leg.counterparty()).writeByte(leg.direction().ordinal())
                    .writeString(leg.token()).writeString(leg.symbol())
                    .writeInt(leg.decimals() == null ? -1 : leg.decimals())
                    .writeString(leg.amount()).writeLong(leg.time());
        }
        return out.toByteArray();
    }

    static AddressHistory read(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == AddressHistoryFormat1.VERSION) {
            return AddressHistoryFormat1.read(bytes);
        }
        var in = new CompactBytes.Reader(bytes);
        byte version = in.readByte();
        if (version != VERSION && version != WITHOUT_FILTER) {
            throw new IllegalStateException("unknown address-history format " + version);
        }
        int counterparties = in.readInt();
        int tokens = in.readInt();
        Map<String, AddressHistory.Typical> typical = HashMap.newHashMap(tokens);
        for (int i = 0; i < tokens; i++) {
            typical.put(in.readString(), new AddressHistory.Typical(in.readLong(), new BigInteger(in.readBytes())));
        }
        CounterpartyFilter known = counterparties == 0 ? CounterpartyFilter.EMPTY : CounterpartyFilter.UNKNOWN;
        if (version == VERSION) {
            long[] words = new long[CounterpartyFilter.LONGS];
            for (int i = 0; i < words.length; i++) {
                words[i] = in.readLong();
            }
            known = CounterpartyFilter.of(words);
        }
        int size = in.readInt();
        List<Leg> recent = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String eventId = in.readString();
            long chainId = in.readLong();
            String txHash = in.readString();
            String address = in.readString();
            String counterparty = in.readString();
            Direction direction = DIRECTIONS[in.readByte()];
            String token = in.readString();
            String symbol = in.readString();
            int decimals = in.readInt();
            recent.add(new Leg(eventId, chainId, txHash, address, counterparty, direction, token, symbol,
                    decimals < 0 ? null : decimals, in.readString(), in.readLong()));
        }
        return new AddressHistory(recent, typical, counterparties, known);
    }
}
