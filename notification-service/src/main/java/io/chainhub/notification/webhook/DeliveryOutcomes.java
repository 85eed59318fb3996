package io.chainhub.notification.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.chainhub.notification.config.NotificationProperties;
import io.chainhub.notification.delivery.Attempt.AttemptOutcome;
import io.chainhub.notification.delivery.Delivery;
import io.chainhub.notification.delivery.DeliveryStatus;
import io.chainhub.notification.delivery.DeliveryStore;
import io.chainhub.notification.delivery.Success;
import io.chainhub.notification.subscription.Subscription;
import io.chainhub.notification.subscription.SubscriptionStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What an attempt means for the delivery and its endpoint: 2xx succeeds; 410 fails it and disables the
 * endpoint; anything else (3xx included: redirects are not followed) is retried per the schedule, with
 * 429/503 honouring Retry-After; an endpoint without success for {@code disable-after} is disabled.
 * Disabling tells the owner by email.
 */
@Component
class DeliveryOutcomes {

    private static final Logger log = LoggerFactory.getLogger(DeliveryOutcomes.class);

    private final DeliveryStore deliveries;
    private final SubscriptionStore subscriptions;
    private final RetrySchedule schedule;
    private final Duration disableAfter;
    private final EndpointOwnerNotifier notifier;
    private final SuccessLog successes;
    private final Clock clock;

    DeliveryOutcomes(DeliveryStore deliveries, SubscriptionStore subscriptions, NotificationProperties properties,
                     EndpointOwnerNotifier notifier, SuccessLog successes, Clock clock) {
        this.deliveries = deliveries;
        this.successes = successes;
        this.subscriptions = subscriptions;
        NotificationProperties.Webhook webhook = properties.webhook();
        this.schedule = new RetrySchedule(webhook.retrySchedule(), webhook.jitter(), webhook.maxRetryAfter(), Math::random);
        this.disableAfter = webhook.disableAfter();
        this.notifier = notifier;
        this.clock = clock;
    }

    void apply(Delivery delivery, Subscription subscription, SendResult result) {
        Instant now = clock.instant();
        if (result instanceof SendResult.Answered answered && answered.success()) {
            successes.add(new Success(delivery.id(), delivery.attempts() + 1, now, answered.status(), result.durationMs()));
            if (subscription.webhook().failingSince() != null) {
                subscriptions.markWebhookSucceeded(subscription.id());
            }
            return;
        }
        if (result instanceof SendResult.Answered answered && answered.status() == 410) {
            deliveries.recordAttempt(delivery, now, AttemptOutcome.GONE, 410, "410 Gone: endpoint disabled",
                    result.durationMs(), DeliveryStatus.FAILED, null);
            disable(subscription, "the endpoint answered 410 Gone", now);
            return;
        }
        Integer status = null;
        Duration retryAfter = null;
        String error;
        if (result instanceof SendResult.Answered answered) {
            status = answered.status();
            retryAfter = status == 429 || status == 503 ? answered.retryAfter() : null;
            error = "HTTP " + status + (status >= 300 && status < 400 ? " (redirects are not followed)" : "");
        } else {
            error = ((SendResult.NoAnswer) result).error();
        }
        Optional<Duration> next = schedule.next(delivery.attempts() + 1, retryAfter);
        deliveries.recordAttempt(delivery, now, AttemptOutcome.FAILED, status, error, result.durationMs(),
                next.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED, next.map(now::plus).orElse(null));
        Instant failingSince = subscriptions.markWebhookFailing(subscription.id(), now);
        if (!failingSince.isAfter(now.minus(disableAfter))) {
            disable(subscription, "the endpoint has failed every attempt since " + failingSince, now);
        }
    }

    private void disable(Subscription subscription, String reason, Instant now) {
        if (subscriptions.disableWebhook(subscription.id(), reason, now)) {
            log.warn("webhook endpoint of subscription {} disabled: {}", subscription.id(), reason);
            notifier.endpointDisabled(subscription, reason);
        }
    }
}
