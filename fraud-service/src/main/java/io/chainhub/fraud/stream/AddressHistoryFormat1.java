package io.chainhub.fraud.stream;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chainhub.fraud.engine.AddressHistory;
import io.chainhub.fraud.engine.Direction;
import io.chainhub.fraud.engine.Leg;

/**
 * Reads format 1 of the {@code address-legs} store ({@code DataOutputStream}, modified UTF-8), as the
 * previous release wrote it: a store or changelog from before the upgrade still reads; it is rewritten in the
 * current format on the address's next leg.
 */
final class AddressHistoryFormat1 {

    static final byte VERSION = 1;

    private AddressHistoryFormat1() {
    }

    static AddressHistory read(byte[] bytes) {
        try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            in.readByte(); // the version, checked by the caller
            int counterparties = in.readInt();
            int tokens = in.readShort();
            Map<String, AddressHistory.Typical> typical = HashMap.newHashMap(tokens);
            for (int i = 0; i < tokens; i++) {
                typical.put(in.readUTF(), new AddressHistory.Typical(in.readLong(), new BigInteger(in.readUTF())));
            }
            int size = in.readInt();
            List<Leg> recent = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                recent.add(readLeg(in));
            }
            return new AddressHistory(recent, typical, counterparties);
        } catch (IOException corrupt) {
            throw new UncheckedIOException(corrupt);
        }
    }

    private static Leg readLeg(DataInputStream in) throws IOException {
        String eventId = in.readUTF();
        long chainId = in.readLong();
        String txHash = readNullable(in);
        String address = in.readUTF();
        String counterparty = readNullable(in);
        Direction direction = Direction.values()[in.readByte()];
        String token = in.readUTF();
        String symbol = readNullable(in);
        int decimals = in.readInt();
        return new Leg(eventId, chainId, txHash, address, counterparty, direction, token, symbol,
                decimals < 0 ? null : decimals, in.readUTF(), in.readLong());
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
