package io.chainhub.notification.subscription;

/** How a subscriber is notified. */
enum Channel {
    WEBHOOK, EMAIL
}
