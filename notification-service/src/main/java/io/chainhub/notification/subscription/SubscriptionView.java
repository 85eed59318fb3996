package io.chainhub.notification.subscription;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscription as the API shows it.
 *
 * @param channel    WEBHOOK or EMAIL
 * @param target     webhook URL or email address
 * @param eventTypes webhook types delivered, e.g. {@code transfer.confirmed}; empty means all
 * @param address    only events touching this address (lowercase), or null for any
 */
record SubscriptionView(UUID id, String name, Channel channel, String target, List<String> eventTypes,
        String address, boolean active, Instant createdAt) {
}
