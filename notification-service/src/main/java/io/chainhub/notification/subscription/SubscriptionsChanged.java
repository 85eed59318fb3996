package io.chainhub.notification.subscription;

/** Published after a subscription was created, changed or deleted: the matching index reloads. */
public record SubscriptionsChanged() {
}
