package io.chainhub.notification.delivery;

/** How a delivery reaches its subscriber. */
public enum Channel {
    WEBHOOK, EMAIL
}
