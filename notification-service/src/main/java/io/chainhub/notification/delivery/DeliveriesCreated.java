package io.chainhub.notification.delivery;

/** New delivery rows were committed: the dispatchers need not wait for their next poll. */
public record DeliveriesCreated(int count) {
}
