package io.chainhub.fraud.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** {@link TransferIndexEntry} as 8 bytes of time and the block hash: read and written once per transfer. */
final class TransferIndexSerde {

    private TransferIndexSerde() {
    }

    static Serde<TransferIndexEntry> serde() {
        Serializer<TransferIndexEntry> serializer = (topic, entry) -> {
            if (entry == null) {
                return null;
            }
            byte[] hash = entry.blockHash().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(Long.BYTES + hash.length).putLong(entry.seenAtMillis()).put(hash).array();
        };
        Deserializer<TransferIndexEntry> deserializer = (topic, bytes) -> bytes == null ? null
                : new TransferIndexEntry(new String(bytes, Long.BYTES, bytes.length - Long.BYTES, StandardCharsets.UTF_8),
                        ByteBuffer.wrap(bytes).getLong());
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
