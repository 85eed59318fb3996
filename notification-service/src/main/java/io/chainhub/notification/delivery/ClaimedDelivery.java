package io.chainhub.notification.delivery;

import java.time.Instant;

/**
 * A claimed delivery and the version of its subscription at claim time ({@code updated_at} and the endpoint's
 * failing period), so that the dispatcher re-reads a subscription only when it changed.
 */
public record ClaimedDelivery(Delivery delivery, Instant subscriptionUpdatedAt, Instant endpointFailingSince) {
}
