package io.chainhub.notification.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.chainhub.events.fraud.AlertSeverity;
import io.chainhub.notification.config.NotificationProperties;
import io.chainhub.notification.delivery.Attempt.AttemptOutcome;
import io.chainhub.notification.delivery.Delivery;
import io.chainhub.notification.delivery.DeliveryStatus;
import io.chainhub.notification.delivery.DeliveryStore;
import io.chainhub.notification.subscription.EventTypes;
import io.chainhub.notification.subscription.Subscription;
import io.chainhub.notification.subscription.SubscriptionStore;
import io.chainhub.notification.webhook.RetrySchedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due email deliveries one by one while the subscription is under its hourly limit; beyond it they
 * wait for the digest. High-severity fraud alerts never wait. SMTP failures are retried on the webhook
 * schedule.
 */
@Component
class EmailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EmailDispatcher.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 50;

    private final DeliveryStore deliveries;
    private final SubscriptionStore subscriptions;
    private final MailComposer composer;
    private final MailOutbox outbox;
    private final RetrySchedule schedule;
    private final AlertSeverity bypassDigestFrom;
    private final Clock clock;

    EmailDispatcher(DeliveryStore deliveries, SubscriptionStore subscriptions, MailComposer composer, MailOutbox outbox,
                    NotificationProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.composer = composer;
        this.outbox = outbox;
        NotificationProperties.Webhook webhook = properties.webhook();
        this.schedule = new RetrySchedule(webhook.retrySchedule(), webhook.jitter(), webhook.maxRetryAfter(), Math::random);
        this.bypassDigestFrom = properties.email().bypassDigestFrom();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${chainhub.notification.email.poll-interval}")
    void dispatchDue() {
        List<Delivery> due = deliveries.claimEmails(clock.instant(), LEASE, BATCH);
        for (Delivery delivery : due) {
            try {
                subscriptions.find(delivery.subscriptionId()).ifPresent(s -> dispatch(delivery, s));
            } catch (RuntimeException e) {
                log.error("email delivery {} failed unexpectedly; retried when its lease ends", delivery.id(), e);
            }
        }
    }

    private void dispatch(Delivery delivery, Subscription subscription) {
        Instant now = clock.instant();
        if (subscription.email() == null) {
            deliveries.recordAttempt(delivery, now, AttemptOutcome.FAILED, null, "the subscription has no email channel any more",
                    0, DeliveryStatus.FAILED, null);
            return;
        }
        boolean urgent = bypassesDigest(delivery);
        if (!urgent && deliveries.emailsSentSince(subscription.id(), now.minus(Duration.ofHours(1))) >= subscription.emailMaxPerHour()) {
            deliveries.holdForDigest(delivery.id());
            return;
        }
        long started = System.nanoTime();
        try {
            outbox.send(composer.event(subscription, delivery));
            deliveries.recordAttempt(delivery, now, AttemptOutcome.SUCCEEDED, null, null, elapsed(started),
                    DeliveryStatus.SUCCEEDED, null);
        } catch (MailException e) {
            Optional<Duration> next = schedule.next(delivery.attempts() + 1, null);
            deliveries.recordAttempt(delivery, now, AttemptOutcome.FAILED, null, "SMTP: " + e.getMessage(), elapsed(started),
                    next.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED, next.map(now::plus).orElse(null));
        }
    }

    private boolean bypassesDigest(Delivery delivery) {
        return EventTypes.FRAUD_ALERT.equals(delivery.eventType()) && delivery.severity() != null
                && AlertSeverity.valueOf(delivery.severity()).compareTo(bypassDigestFrom) >= 0;
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
