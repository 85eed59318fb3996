package io.chainhub.notification.subscription;

/** A paused subscription matches nothing new and its queued deliveries wait until it is resumed. */
public enum SubscriptionStatus {
    ACTIVE, PAUSED
}
