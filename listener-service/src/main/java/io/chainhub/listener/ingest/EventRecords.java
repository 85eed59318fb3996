package io.chainhub.listener.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.chainhub.events.block.BlockEvent;
import io.chainhub.events.kafka.CloudEvent;
import io.chainhub.events.kafka.CloudEventHeaders;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Kafka records of the listener's events, with their key and CloudEvents headers. */
public final class EventRecords {


    private EventRecords() {
    }

    public static ProducerRecord<String, byte[]> transfer(String topic, TransferEvent transfer, Instant now, boolean deepReorg) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, transfer.kafkaKey(),
                EventJson.mapper().writeValueAsBytes(transfer));
        CloudEventHeaders.write(record.headers(), new CloudEvent(transfer.cloudEventId(), source(transfer.chainId()),
                transfer.status().cloudEventType(), now, transfer.eventId()));
        if (deepReorg) {
            record.headers().add(TransferHeaders.DEEP_REORG, "true".getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    public static ProducerRecord<String, byte[]> block(String topic, BlockEvent block, Instant now) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, block.kafkaKey(),
                EventJson.mapper().writeValueAsBytes(block));
        CloudEventHeaders.write(record.headers(), new CloudEvent(block.cloudEventId(), source(block.chainId()),
                block.status().cloudEventType(), now, block.chainId() + ":" + block.blockNumber()));
        return record;
    }

    private static String source(long chainId) {
        return "/chainhub/listener/" + chainId;
    }
}
