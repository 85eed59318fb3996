package io.chainhub.events.kafka;

import java.time.Instant;

/**
 * CloudEvents 1.0 metadata carried in Kafka headers (binary mode), the payload being the record value.
 *
 * @param id      deterministic; consumers deduplicate on it
 * @param source  URI of the producer, e.g. {@code /chainhub/listener/31337}
 * @param type    versioned, e.g. {@code io.chainhub.transfer.confirmed.v1}
 * @param subject what the event is about, e.g. the transfer's eventId
 */
public record CloudEvent(String id, String source, String type, Instant time, String subject) {
}
