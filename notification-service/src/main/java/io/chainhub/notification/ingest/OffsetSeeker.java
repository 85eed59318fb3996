package io.chainhub.notification.ingest;

import java.util.Collection;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * On assignment, moves each partition to the position stored in PostgreSQL when it is ahead of the one
 * committed in Kafka: the deliveries up to there are already in the database (a crash hit between the
 * database commit and the Kafka commit).
 */
@Component
class OffsetSeeker implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(OffsetSeeker.class);

    private final OffsetStore offsets;
    private final String group;

    OffsetSeeker(OffsetStore offsets, @Value("${spring.kafka.consumer.group-id}") String group) {
        this.offsets = offsets;
        this.group = group;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        log.debug("assigned {}", partitions);
        for (TopicPartition partition : partitions) {
            offsets.find(group, partition.topic(), partition.partition()).ifPresent(stored -> {
                long committed = consumer.position(partition);
                if (stored > committed) {
                    log.info("{}: resuming at stored position {} (Kafka had {})", partition, stored, committed);
                    consumer.seek(partition, stored);
                }
            });
        }
    }
}
