package io.chainhub.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.chainhub.notification.subscription.Subscription;

/**
 * Hands webhook deliveries the ingest has just written straight to the dispatcher, so that they need no claim
 * (an UPDATE of every row, the dispatcher's busiest statement). Such a row is inserted already leased — its
 * next attempt at the end of a lease, as a claim would set it — so if the instance dies before sending, the
 * row is due when the lease ends, exactly as after a claim.
 */
public interface WebhookHandoff {

    /**
     * Takes one place in the endpoint's queue at the dispatcher, if it has one and the endpoint's circuit is
     * closed; false leaves the row to be claimed as usual.
     */
    boolean reserve(Subscription subscription);

    /** Gives back places whose rows were not written (rolled back, or the row existed already). */
    void release(UUID subscriptionId, int count);

    /** After the commit: the written rows of the reserved places, leased until {@code leasedUntil}, to be sent. */
    void handOver(List<Delivery> deliveries, Instant leasedUntil);

    /** How long a handed-over row stays leased. */
    Duration lease();
}
