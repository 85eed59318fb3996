package io.chainhub.notification.delivery;

/** The next offset to read of one partition, stored with the deliveries it produced. */
public record ConsumerPosition(String group, String topic, int partition, long nextOffset) {
}
