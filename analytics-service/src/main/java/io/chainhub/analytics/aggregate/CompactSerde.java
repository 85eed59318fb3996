package io.chainhub.analytics.aggregate;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.Arrays;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A small binary serde for the internal records (stores, changelogs, repartition topic). Every
 * store access and every repartitioned record goes through a serde, and Jackson was the largest
 * part of the aggregation's CPU profile. Internal formats are not a contract, but they outlive a
 * deployment in changelogs: the first byte is a format version, so a record of another format
 * (such as the JSON of earlier versions) fails loudly instead of being misread — rebuild then
 * (README: Replay).
 */
final class CompactSerde<T> implements Serde<T> {

    private static final byte VERSION = 1;

    interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private final String name;
    private final Writer<T> writer;
    private final Reader<T> reader;

    CompactSerde(String name, Writer<T> writer, Reader<T> reader) {
        this.name = name;
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : write(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes, topic);
    }

    byte[] write(T value) {
        Scratch scratch = SCRATCH.get();
        scratch.bytes.reset();
        try {
            scratch.out.writeByte(VERSION);
            writer.write(scratch.out, value);
        } catch (IOException e) {
            throw new SerializationException("cannot write " + name, e);
        }
        return scratch.bytes.toByteArray();
    }

    /**
     * One buffer and stream per thread, reused: a fresh 1 KB buffer and stream per record showed in the profile
     * (every store write and every repartitioned record). Writers never serialize another record midway.
     */
    private record Scratch(UnsynchronizedOutput bytes, DataOutputStream out) {
        Scratch(UnsynchronizedOutput bytes) {
            this(bytes, new DataOutputStream(bytes));
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(() -> new Scratch(new UnsynchronizedOutput()));

    T read(byte[] bytes, String topic) {
        if (bytes.length == 0 || bytes[0] != VERSION) {
            throw new SerializationException("not a " + name + " of format " + VERSION + " on " + topic
                    + " (state of an older version? rebuild the aggregates, README: Replay)");
        }
        try (DataInputStream in = new DataInputStream(new Unsynchronized(bytes))) {
            return reader.read(in);
        } catch (IOException e) {
            throw new SerializationException("unreadable " + name + " on " + topic, e);
        }
    }

    static void writeString(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    static void writeInteger(DataOutputStream out, Integer value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeInt(value);
        }
    }

    static Integer readInteger(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }

    static void writeBig(DataOutputStream out, BigInteger value) throws IOException {
        byte[] bytes = value.toByteArray();
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    static BigInteger readBig(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readUnsignedShort()];
        in.readFully(bytes);
        return new BigInteger(bytes);
    }

    static void writeFinality(DataOutputStream out, Finality finality) throws IOException {
        out.writeByte(finality == null ? -1 : finality.ordinal());
    }

    static Finality readFinality(DataInputStream in) throws IOException {
        byte ordinal = in.readByte();
        return ordinal < 0 ? null : Finality.values()[ordinal];
    }

    /**
     * ByteArrayOutputStream synchronises every write (a lock per field written, for every record that goes to a
     * store or the repartition topic); a record is written by one thread only.
     */
    private static final class UnsynchronizedOutput extends OutputStream {
        // sized for an hourly token window with its largest transfers: no regrowing copies
        private byte[] bytes = new byte[1024];
        private int size;

        @Override
        public void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] source, int offset, int length) {
            ensure(length);
            System.arraycopy(source, offset, bytes, size, length);
            size += length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        void reset() {
            size = 0;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    /** ByteArrayInputStream synchronises every read; a store value is read by one thread only. */
    private static final class Unsynchronized extends InputStream {
        private final byte[] bytes;
        private int position = 1; // after the version

        Unsynchronized(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position >= bytes.length) {
                return -1;
            }
            int count = Math.min(length, bytes.length - position);
            System.arraycopy(bytes, position, target, offset, count);
            position += count;
            return count;
        }
    }
}
