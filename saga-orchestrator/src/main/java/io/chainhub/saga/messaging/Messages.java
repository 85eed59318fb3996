package io.chainhub.saga.messaging;

import io.chainhub.events.kafka.CloudEventHeaders;
import io.chainhub.events.kafka.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reading consumed records: the payload as a contract record, the ce_id as the dedup key. */
public final class Messages {

    private Messages() {
    }

    public static <T> T payload(ConsumerRecord<String, String> record, Class<T> type) {
        if (record.value() == null) {
            throw new PoisonRecordException("empty value on " + record.topic(), null);
        }
        try {
            return EventJson.mapper().readValue(record.value(), type);
        } catch (RuntimeException e) {
            throw new PoisonRecordException("not a valid " + type.getSimpleName() + " on " + record.topic() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The ce_id header, else {@code fallback} (a producer that does not write CloudEvents headers). */
    public static String messageId(ConsumerRecord<String, String> record, String fallback) {
        return CloudEventHeaders.read(record.headers()).map(ce -> ce.id()).orElse(fallback);
    }
}
