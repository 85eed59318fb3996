package io.chainhub.fraud.stream;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.chainhub.fraud.engine.AddressHistory;
import io.chainhub.fraud.engine.CounterpartyFilter;
import io.chainhub.fraud.engine.Direction;
import io.chainhub.fraud.engine.Leg;
import io.chainhub.platform.bytes.CompactBytes;

/**
 * Compact binary form of {@link AddressHistory} for its store and changelog: read and written on every leg,
 * where Jackson's per-call cost showed at the top of the profile (format 1), then {@code DataOutputStream}'s
 * char-by-char UTF (format 2: {@link CompactBytes}); format 3 adds the {@link CounterpartyFilter} and writes the
 * address, chain and transaction hash once per history instead of once per leg. Internal to this
 * service (the changelog is not a contract); the leading version byte lets a later format read this one, and
 * formats 1 and 2 still read (their histories get a filter that knows nothing for sure).
 */
final class AddressHistorySerde {

    private static final byte VERSION = 3;
    private static final byte WITHOUT_FILTER = 2;
    private static final int SAME_CHAIN = 1;
    private static final int SAME_ADDRESS = 2;
    private static final int TX_HASH_IN_EVENT_ID = 4;
    private static final Direction[] DIRECTIONS = Direction.values();
    /**
     * One buffer per stream thread, copied out at the exact size: a fresh, oversized buffer per write (and a
     * temporary array per string) made the history serializer the stream thread's largest allocator. Grows to the
     * largest history written (at most {@link AddressHistory#MAX_RECENT} legs, a few hundred KB).
     */
    private static final ThreadLocal<CompactBytes.Writer> SCRATCH = ThreadLocal.withInitial(() -> new CompactBytes.Writer(4_096));

    private AddressHistorySerde() {
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
        writeLegs(out, history.recent());
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
        List<Leg> recent = version == VERSION ? readLegs(in) : readLegsOfFormat2(in);
        return new AddressHistory(recent, typical, counterparties, known);
    }

    /**
     * The legs of one address share its address and chain, and a leg's transaction hash is part of its event id
     * ({@code chainId:txHash:...}): written once, or not at all, unless a leg differs (a flag byte per leg says
     * which). Those were a third of each leg's bytes.
     */
    private static void writeLegs(CompactBytes.Writer out, List<Leg> legs) {
        out.writeInt(legs.size());
        if (legs.isEmpty()) {
            return;
        }
        String address = legs.getFirst().address();
        long chainId = legs.getFirst().chainId();
        out.writeString(address).writeLong(chainId);
        for (Leg leg : legs) {
            int flags = (leg.chainId() == chainId ? SAME_CHAIN : 0)
                    | (Objects.equals(leg.address(), address) ? SAME_ADDRESS : 0)
                    | (isTxHashOf(leg.txHash(), leg.eventId()) ? TX_HASH_IN_EVENT_ID : 0);
            out.writeByte(flags).writeString(leg.eventId());
            if ((flags & SAME_CHAIN) == 0) {
                out.writeLong(leg.chainId());
            }
            if ((flags & SAME_ADDRESS) == 0) {
                out.writeString(leg.address());
            }
            if ((flags & TX_HASH_IN_EVENT_ID) == 0) {
                out.writeString(leg.txHash());
            }
            out.writeString(leg.counterparty()).writeByte(leg.direction().ordinal()).writeString(leg.token())
                    .writeString(leg.symbol()).writeInt(leg.decimals() == null ? -1 : leg.decimals())
                    .writeString(leg.amount()).writeLong(leg.time());
        }
    }

    private static List<Leg> readLegs(CompactBytes.Reader in) {
        int size = in.readInt();
        List<Leg> legs = new ArrayList<>(size);
        if (size == 0) {
            return legs;
        }
        String sharedAddress = in.readString();
        long sharedChain = in.readLong();
        for (int i = 0; i < size; i++) {
            int flags = in.readByte();
            String eventId = in.readString();
            long chainId = (flags & SAME_CHAIN) != 0 ? sharedChain : in.readLong();
            String address = (flags & SAME_ADDRESS) != 0 ? sharedAddress : in.readString();
            String txHash = (flags & TX_HASH_IN_EVENT_ID) != 0 ? txHashOf(eventId) : in.readString();
            legs.add(readLegRest(in, eventId, chainId, txHash, address));
        }
        return legs;
    }

    private static List<Leg> readLegsOfFormat2(CompactBytes.Reader in) {
        int size = in.readInt();
        List<Leg> legs = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String eventId = in.readString();
            long chainId = in.readLong();
            String txHash = in.readString();
            legs.add(readLegRest(in, eventId, chainId, txHash, in.readString()));
        }
        return legs;
    }

    private static Leg readLegRest(CompactBytes.Reader in, String eventId, long chainId, String txHash, String address) {
        String counterparty = in.readString();
        Direction direction = DIRECTIONS[in.readByte()];
        String token = in.readString();
        String symbol = in.readString();
        int decimals = in.readInt();
        return new Leg(eventId, chainId, txHash, address, counterparty, direction, token, symbol,
                decimals < 0 ? null : decimals, in.readString(), in.readLong());
    }

    /** Whether {@code eventId} is {@code chainId:txHash:...} for this (non-null) {@code txHash}. */
    private static boolean isTxHashOf(String txHash, String eventId) {
        if (txHash == null || eventId == null) {
            return false;
        }
        int start = eventId.indexOf(':') + 1;
        int end = start + txHash.length();
        return start > 0 && end < eventId.length() && eventId.charAt(end) == ':'
                && eventId.regionMatches(start, txHash, 0, txHash.length());
    }

    private static String txHashOf(String eventId) {
        int start = eventId.indexOf(':') + 1;
        return eventId.substring(start, eventId.indexOf(':', start));
    }
}
