package io.chainhub.notification.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.chainhub.notification.config.NotificationProperties;
import io.chainhub.notification.delivery.Delivery;
import io.chainhub.notification.delivery.DeliveryStore;
import io.chainhub.notification.subscription.Subscription;
import io.chainhub.notification.subscription.SubscriptionStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Claims due webhook deliveries and sends each on its own virtual thread through its endpoint's guards.
 * A delivery whose endpoint is busy (bulkhead full), rate limited or has an open circuit is put back
 * without an attempt; nothing waits on another endpoint.
 */
@Component
class WebhookDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration BUSY_DELAY = Duration.ofMillis(200);

    private final DeliveryStore deliveries;
    private final SubscriptionStore subscriptions;
    private final WebhookSender sender;
    private final EndpointGuards guards;
    private final DeliveryOutcomes outcomes;
    private final NotificationProperties.Webhook properties;
    private final Clock clock;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

    WebhookDispatcher(DeliveryStore deliveries, SubscriptionStore subscriptions, WebhookSender sender,
                      EndpointGuards guards, DeliveryOutcomes outcomes, NotificationProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.guards = guards;
        this.outcomes = outcomes;
        this.properties = properties.webhook();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${chainhub.notification.webhook.poll-interval}")
    void dispatchDue() {
        List<Delivery> due = deliveries.claimWebhooks(clock.instant(), properties.lease(), properties.batchSize(),
                properties.perEndpointBatch());
        Map<UUID, Optional<Subscription>> endpoints = new HashMap<>();
        for (Delivery delivery : due) {
            Optional<Subscription> subscription = endpoints.computeIfAbsent(delivery.subscriptionId(), subscriptions::find);
            senders.execute(() -> dispatch(delivery, subscription.orElse(null)));
        }
    }

    private void dispatch(Delivery delivery, Subscription subscription) {
        try {
            if (subscription == null || subscription.webhook() == null || !subscription.webhook().enabled()) {
                return; // deleted or disabled meanwhile: stays pending, not claimed while disabled
            }
            EndpointGuards.Guards g = guards.of(subscription.id());
            if (!g.bulkhead().tryAcquirePermission()) {
                postpone(delivery, BUSY_DELAY);
                return;
            }
            try {
                if (!g.circuitBreaker().tryAcquirePermission()) {
                    postpone(delivery, guards.circuitOpenFor());
                    return;
                }
                if (!g.rateLimiter().acquirePermission()) {
                    g.circuitBreaker().releasePermission();
                    postpone(delivery, Duration.ofSeconds(1));
                    return;
                }
                Instant now = clock.instant();
                SendResult result = sender.send(subscription.webhook().url(), subscription.webhook().signingSecrets(now),
                        delivery.webhookId(), delivery.payload());
                recordHealth(g, result);
                outcomes.apply(delivery, subscription, result);
            } finally {
                g.bulkhead().onComplete();
            }
        } catch (RuntimeException e) {
            // the claim's lease runs out and the delivery is tried again
            log.error("dispatch of delivery {} failed; it is retried when its lease ends", delivery.id(), e);
        }
    }

    /** Server errors, throttling and silence open the circuit; a 4xx is the receiver's verdict, not ill health. */
    private static void recordHealth(EndpointGuards.Guards g, SendResult result) {
        boolean healthy = result instanceof SendResult.Answered a && a.status() < 500 && a.status() != 429;
        if (healthy) {
            g.circuitBreaker().onSuccess(result.durationMs(), TimeUnit.MILLISECONDS);
        } else {
            g.circuitBreaker().onError(result.durationMs(), TimeUnit.MILLISECONDS,
                    new IllegalStateException("endpoint unhealthy"));
        }
    }

    private void postpone(Delivery delivery, Duration delay) {
        deliveries.postpone(delivery.id(), clock.instant().plus(delay));
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }
}
