package io.chainhub.fraud.stream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chainhub.fraud.engine.AddressHistory;
import io.chainhub.fraud.engine.Direction;
import io.chainhub.fraud.engine.Leg;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary form of {@link AddressHistory} for its store and changelog: read and written on every leg,
 * where Jackson's per-call cost showed at the top of the profile. Internal to this service (the changelog is
 * not a contract); the leading version byte lets a later format read this one.
 */
final class AddressHistorySerde {

    private static final byte VERSION = 1;

    private AddressHistorySerde() {
    }

    static Serde<AddressHistory> serde() {
        Serializer<AddressHistory> serializer = (topic, history) -> history == null ? null : write(history);
        Deserializer<AddressHistory> deserializer = (topic, bytes) -> bytes == null ? null : read(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    static byte[] write(AddressHistory history) {
        var bytes = new ByteArrayOutputStream(64 + 160 * history.recent().size());
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(history.counterpartyCount());
            out.writeShort(history.typical().size());
            for (var typical : history.typical().entrySet()) {
                out.writeUTF(typical.getKey());
                out.writeLong(typical.getValue().samples());
                out.writeUTF(typical.getValue().total());
            }
            out.writeInt(history.recent().size());
            for (Leg leg : history.recent()) {
                writeLeg(out, leg);
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    static AddressHistory read(byte[] bytes) {
        try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("unknown address-history format " + version);
            }
            int counterparties = in.readInt();
            int tokens = in.readShort();
            Map<String, AddressHistory.Typical> typical = HashMap.newHashMap(tokens);
            for (int i = 0; i < tokens; i++) {
                typical.put(in.readUTF(), new AddressHistory.Typical(in.readLong(), in.readUTF()));
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

    private static void writeLeg(DataOutputStream out, Leg leg) throws IOException {
        out.writeUTF(leg.eventId());
        out.writeLong(leg.chainId());
        writeNullable(out, leg.txHash());
        out.writeUTF(leg.address());
        writeNullable(out, leg.counterparty());
        out.writeByte(leg.direction().ordinal());
        out.writeUTF(leg.token());
        writeNullable(out, leg.symbol());
        out.writeInt(leg.decimals() == null ? -1 : leg.decimals());
        out.writeUTF(leg.amount());
        out.writeLong(leg.time());
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

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
