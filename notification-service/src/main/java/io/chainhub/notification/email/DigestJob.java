package io.chainhub.notification.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.chainhub.notification.config.NotificationProperties;
import io.chainhub.notification.delivery.Delivery;
import io.chainhub.notification.delivery.DeliveryStore;
import io.chainhub.notification.subscription.SubscriptionStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Groups the emails the throttle held back into one digest per subscription, once the oldest of them has
 * waited {@code digest-interval}. The rows stay locked while the mail is sent, so two instances never send
 * the same digest; if sending fails, they stay held for the next run.
 */
@Component
class DigestJob {

    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

    private final DeliveryStore deliveries;
    private final SubscriptionStore subscriptions;
    private final MailComposer composer;
    private final MailOutbox outbox;
    private final TransactionTemplate transaction;
    private final Duration interval;
    private final Clock clock;

    DigestJob(DeliveryStore deliveries, SubscriptionStore subscriptions, MailComposer composer, MailOutbox outbox,
              TransactionTemplate transaction, NotificationProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.composer = composer;
        this.outbox = outbox;
        this.transaction = transaction;
        this.interval = properties.email().digestInterval();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${chainhub.notification.email.poll-interval}")
    void sendDueDigests() {
        for (UUID subscriptionId : deliveries.digestsDue(clock.instant().minus(interval))) {
            try {
                transaction.executeWithoutResult(status -> sendDigest(subscriptionId));
            } catch (MailException e) {
                log.warn("digest for subscription {} not sent, retried next run: {}", subscriptionId, e.getMessage());
            }
        }
    }

    private void sendDigest(UUID subscriptionId) {
        var subscription = subscriptions.find(subscriptionId);
        List<Delivery> held = deliveries.lockDigest(subscriptionId);
        if (subscription.isEmpty() || subscription.get().email() == null || held.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        outbox.send(composer.digest(subscription.get(), held));
        deliveries.markDigested(held.stream().map(Delivery::id).toList(), now);
    }
}
