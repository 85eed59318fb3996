package io.chainhub.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.chainhub.events.kafka.CloudEvent;
import io.chainhub.events.kafka.CloudEventHeaders;
import io.chainhub.events.block.BlockEvent;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.testsupport.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes transfers and blocks as the listener does: one Kafka transaction per batch, CloudEvents headers. */
public final class TransferPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public TransferPublisher(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, TestInfrastructure.get().uniqueName("analytics-test-tx"),
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
    }

    public void publish(List<TransferEvent> events) {
        producer.beginTransaction();
        for (TransferEvent event : events) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TOKEN_TRANSFERS,
                    event.kafkaKey(), EventJson.mapper().writeValueAsBytes(event));
            CloudEventHeaders.write(record.headers(), new CloudEvent(event.cloudEventId(),
                    "/chainhub/listener/" + event.chainId(), event.status().cloudEventType(), Instant.now(),
                    event.eventId()));
            producer.send(record);
        }
        producer.commitTransaction();
    }

    public void publishBlocks(List<BlockEvent> blocks) {
        producer.beginTransaction();
        for (BlockEvent block : blocks) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CHAIN_BLOCKS, block.kafkaKey(),
                    EventJson.mapper().writeValueAsBytes(block));
            CloudEventHeaders.write(record.headers(), new CloudEvent(block.cloudEventId(),
                    "/chainhub/listener/" + block.chainId(), block.status().cloudEventType(), Instant.now(), null));
            producer.send(record);
        }
        producer.commitTransaction();
    }

    @Override
    public void close() {
        producer.close();
    }
}
