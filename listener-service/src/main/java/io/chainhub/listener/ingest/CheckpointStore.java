package io.chainhub.listener.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the last committed checkpoint of a chain back from the compacted checkpoint topic
 * (read_committed: a checkpoint of an aborted transaction is never seen).
 */
public final class CheckpointStore {

    private final Map<String, Object> kafkaProperties;

    public CheckpointStore(Map<String, Object> kafkaProperties) {
        this.kafkaProperties = kafkaProperties;
    }

    /** The last checkpoint committed under {@code followerId} (see {@link ChainPublisher}). */
    public Optional<Checkpoint> load(String followerId) {
        Map<String, Object> props = new HashMap<>(kafkaProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        String key = followerId;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.LISTENER_CHECKPOINTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            byte[] last = null;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        last = record.value();
                    }
                }
            }
            return Optional.ofNullable(last).map(bytes -> EventJson.mapper().readValue(bytes, Checkpoint.class));
        }
    }
}
