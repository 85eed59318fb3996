package io.chainhub.notification.ingest;

import java.util.ArrayList;
import java.util.List;

import io.chainhub.events.topics.Topics;
import io.chainhub.notification.delivery.ConsumerPosition;
import io.chainhub.notification.delivery.DeliveryWriter;
import io.chainhub.notification.matching.MatchingIndex;
import io.chainhub.notification.matching.NotificationEvent;
import io.chainhub.notification.subscription.Subscription;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Consumes transfers, fraud alerts and custody events (read_committed), matches each against the
 * subscription index and writes the resulting deliveries together with the consumer position.
 *
 * <p>Delivery guarantee: Kafka offsets are committed only after the database transaction, so a crash
 * replays records, and a replayed record inserts nothing (unique {@code delivery_key}). Records that
 * matched also store their position in PostgreSQL in the same transaction; on partition assignment
 * the consumer seeks to that position when it is ahead of Kafka's ({@link OffsetSeeker}).
 */
@Component
class EventIngest {

    static final String LISTENER_ID = "notification-ingest";

    private final MatchingIndex index;
    private final DeliveryWriter writer;
    private final String group;

    EventIngest(MatchingIndex index, DeliveryWriter writer, @Value("${spring.kafka.consumer.group-id}") String group) {
        this.index = index;
        this.writer = writer;
        this.group = group;
    }

    /**
     * One poll's records, written in one transaction. An unreadable record ends the batch: the records
     * before it are written first, then {@link BatchListenerFailedException} tells the error handler
     * which record to park on the dead-letter topic; the rest are polled again.
     */
    @KafkaListener(id = LISTENER_ID, idIsGroup = false, batch = "true",
            topics = {Topics.TOKEN_TRANSFERS, Topics.FRAUD_ALERTS, Topics.CUSTODY_EVENTS},
            concurrency = "${chainhub.notification.ingest-concurrency:2}")
    void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        List<DeliveryWriter.Matched> matched = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            NotificationEvent event;
            try {
                event = EventDecoder.decode(record);
            } catch (PoisonRecordException e) {
                writer.write(matched);
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
            List<Subscription> matches = index.match(event);
            if (!matches.isEmpty()) {
                matched.add(new DeliveryWriter.Matched(event, matches,
                        new ConsumerPosition(group, record.topic(), record.partition(), record.offset() + 1)));
            }
        }
        if (!matched.isEmpty()) {
            writer.write(matched);
        }
    }
}
