package io.chainhub.notification.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.chainhub.notification.config.NotificationProperties;
import io.chainhub.notification.delivery.ClaimedDelivery;
import io.chainhub.notification.delivery.DeliveriesCreated;
import io.chainhub.notification.delivery.Delivery;
import io.chainhub.notification.delivery.DeliveryStore;
import io.chainhub.notification.delivery.WebhookHandoff;
import io.chainhub.notification.subscription.Subscription;
import io.chainhub.notification.subscription.SubscriptionStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Claims due webhook deliveries and sends each on its own virtual thread through its endpoint's guards.
 * One loop claims, woken as soon as the ingest commits new deliveries or a send finishes, else after
 * {@code poll-interval} (retries coming due, other instances' rows). Per endpoint it keeps at most twice
 * {@code max-concurrent-per-endpoint} claimed: that many sending and as many parked on the endpoint's own
 * slots, ready for the next free one. A hanging endpoint, its quota taken, gets nothing more claimed and
 * costs the others nothing. A delivery whose endpoint is rate limited or has an open circuit is put back
 * without an attempt, and nothing is claimed for an open circuit.
 *
 * <p>New rows mostly need no claim: the ingest writes them leased to this dispatcher and hands them over after
 * its commit ({@link WebhookHandoff}), up to {@code MAX_HANDOFF_PER_ENDPOINT} (or a second of its rate limit)
 * queued per endpoint with a closed circuit. The loop re-reads their subscriptions once per hand-over and sends those a claim would have taken.
 */
@Component
class WebhookDispatcher implements SmartLifecycle, DisposableBean, WebhookHandoff {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration BUSY_DELAY = Duration.ofMillis(200);
    /**
     * Rows the ingest may hand over per endpoint (queued here, sent in turn): a backlog then needs no claims at
     * all. Bounded for memory, and by one second of the endpoint's {@code rate-per-second} (more would only be
     * put back by its rate limiter, one UPDATE each). A row whose lease would end before its send could finish
     * is not sent from the queue but left to be claimed after the lease, so a queue cannot cause a second send.
     */
    private static final int MAX_HANDOFF_PER_ENDPOINT = 1000;

    private final DeliveryStore deliveries;
    private final SubscriptionStore subscriptions;
    private final WebhookSender sender;
    private final EndpointGuards guards;
    private final DeliveryOutcomes outcomes;
    private final NotificationProperties.Webhook properties;
    private final Clock clock;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<UUID, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<UUID, Semaphore> sendSlots = new ConcurrentHashMap<>();
    /** Only the claiming loop touches it. */
    private final Map<UUID, Subscription> subscriptionCache = new HashMap<>();
    /** Rows the ingest wrote leased for this dispatcher ({@link WebhookHandoff}), their places already counted. */
    private final Queue<HandedOver> handedOver = new ConcurrentLinkedQueue<>();
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread loop;

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

    /** Committed deliveries go out now, not at the next poll (only after the commit can a claim see them). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onDeliveriesCreated(DeliveriesCreated created) {
        wake();
    }

    private void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void run() {
        while (running) {
            int claimed = 0;
            try {
                claimed = dispatchHandedOver() + dispatchDue();
            } catch (RuntimeException e) {
                log.warn("claiming webhook deliveries failed, trying again: {}", e.getMessage());
            }
            if (claimed == 0) {
                try {
                    wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            wakeUps.drainPermits();
        }
    }

    /** @return how many deliveries were claimed */
    int dispatchDue() {
        int perEndpoint = Math.min(properties.perEndpointBatch(), claimAhead());
        Instant now = clock.instant();
        List<ClaimedDelivery> due = deliveries.claimWebhooks(now, properties.lease(), properties.batchSize(),
                perEndpoint, freeSlots());
        Map<UUID, Subscription> endpoints = subscriptionsOf(due);
        Instant leasedUntil = now.plus(properties.lease()); // as written by the claim
        for (ClaimedDelivery claimed : due) {
            Delivery delivery = claimed.delivery();
            inFlight.computeIfAbsent(delivery.subscriptionId(), id -> new AtomicInteger()).incrementAndGet();
            send(delivery, endpoints.get(delivery.subscriptionId()), leasedUntil);
        }
        return due.size();
    }

    /**
     * Sends the rows handed over by the ingest. Their subscriptions are read once more, after the ingest's
     * commit, so that a row is sent only if a claim would have taken it (subscription active, endpoint
     * enabled); any other row is made due now and left to the claims, which skip it while that holds.
     *
     * @return how many were handed over
     */
    private int dispatchHandedOver() {
        List<HandedOver> batch = new ArrayList<>();
        for (HandedOver d = handedOver.poll(); d != null; d = handedOver.poll()) {
            batch.add(d);
        }
        if (batch.isEmpty()) {
            return 0;
        }
        Set<UUID> ids = new HashSet<>();
        batch.forEach(h -> ids.add(h.delivery().subscriptionId()));
        Map<UUID, Subscription> current = new HashMap<>();
        try {
            subscriptions.find(ids).forEach(s -> current.put(s.id(), s));
        } catch (RuntimeException e) {
            // not sent now: the rows are due when their lease ends, and then claimed
            batch.forEach(h -> release(h.delivery().subscriptionId(), 1));
            throw e;
        }
        subscriptionCache.putAll(current);
        Instant now = clock.instant();
        for (HandedOver handed : batch) {
            Delivery delivery = handed.delivery();
            Subscription subscription = current.get(delivery.subscriptionId());
            if (subscription != null && deliversWebhooks(subscription)) {
                send(delivery, subscription, handed.leasedUntil());
            } else {
                try {
                    deliveries.postpone(delivery.id(), now);
                } catch (RuntimeException e) {
                    log.warn("could not put back handed-over delivery {}; it is due when its lease ends: {}",
                            delivery.id(), e.getMessage());
                } finally {
                    release(delivery.subscriptionId(), 1);
                }
            }
        }
        return batch.size();
    }

    /** A delivery the ingest wrote leased to this dispatcher until {@code leasedUntil}. */
    private record HandedOver(Delivery delivery, Instant leasedUntil) {
    }

    /**
     * On its own virtual thread, once one of the endpoint's send slots is free; its place is counted already.
     * Not sent if its lease would end before the send could time out (it waited too long for a slot): it is
     * claimed again once the lease has ended, by this instance or another, and sent once.
     */
    private void send(Delivery delivery, Subscription subscription, Instant leasedUntil) {
        AtomicInteger count = inFlight.get(delivery.subscriptionId());
        Semaphore slots = sendSlots.computeIfAbsent(delivery.subscriptionId(),
                id -> new Semaphore(properties.maxConcurrentPerEndpoint()));
        senders.execute(() -> {
            try {
                slots.acquire(); // one batch waits here for a slot, so a freed slot needs no claim first
                try {
                    if (clock.instant().plus(properties.timeout()).isBefore(leasedUntil)) {
                        dispatch(delivery, subscription);
                    }
                } finally {
                    slots.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // shutting down: sent when the lease ends
            } finally {
                count.decrementAndGet();
                wake(); // room for more
            }
        });
    }

    @Override
    public boolean reserve(Subscription subscription) {
        if (!running || !deliversWebhooks(subscription) || !guards.circuitClosed(subscription.id())) {
            return false;
        }
        AtomicInteger count = inFlight.computeIfAbsent(subscription.id(), id -> new AtomicInteger());
        int limit = Math.min(MAX_HANDOFF_PER_ENDPOINT, properties.ratePerSecond());
        for (int current = count.get(); current < limit; current = count.get()) {
            if (count.compareAndSet(current, current + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Active, with an enabled webhook that has a URL: what a claim would send for. */
    private static boolean deliversWebhooks(Subscription subscription) {
        Subscription.Webhook webhook = subscription.webhook();
        return subscription.active() && webhook != null && webhook.enabled() && webhook.url() != null;
    }

    @Override
    public void release(UUID subscriptionId, int count) {
        inFlight.get(subscriptionId).addAndGet(-count);
        wake();
    }

    @Override
    public void handOver(List<Delivery> deliveries, Instant leasedUntil) {
        deliveries.forEach(d -> handedOver.add(new HandedOver(d, leasedUntil)));
        wake();
    }

    @Override
    public Duration lease() {
        return properties.lease();
    }

    /**
     * Claimed and not finished, per endpoint: its bulkhead's worth sending and as many waiting for a slot
     * (at most one send's duration, far below the lease), so that the loop keeps each endpoint fed.
     */
    private int claimAhead() {
        return 2 * properties.maxConcurrentPerEndpoint();
    }

    /** Endpoints that cannot take {@code per-endpoint-batch} more now: busy here, or their circuit is not closed. */
    private Map<UUID, Integer> freeSlots() {
        Map<UUID, Integer> free = new HashMap<>();
        inFlight.forEach((endpoint, count) -> {
            if (count.get() > 0) {
                free.put(endpoint, Math.max(0, claimAhead() - count.get()));
            }
        });
        guards.circuitLimits().forEach((endpoint, limit) -> {
            AtomicInteger count = inFlight.get(endpoint);
            int admitted = Math.max(0, limit - (count == null ? 0 : count.get()));
            free.merge(endpoint, admitted, Math::min);
        });
        return free;
    }

    /**
     * The subscriptions of the claimed deliveries, read again only when changed since last read (the claim
     * returns their version), so that a claim costs one query, not one per endpoint.
     */
    private Map<UUID, Subscription> subscriptionsOf(List<ClaimedDelivery> claimed) {
        Set<UUID> stale = new HashSet<>();
        for (ClaimedDelivery c : claimed) {
            Subscription known = subscriptionCache.get(c.delivery().subscriptionId());
            if (known == null || known.webhook() == null || !known.updatedAt().equals(c.subscriptionUpdatedAt())
                    || !Objects.equals(known.webhook().failingSince(), c.endpointFailingSince())) {
                stale.add(c.delivery().subscriptionId());
            }
        }
        if (!stale.isEmpty()) {
            subscriptions.find(stale).forEach(s -> subscriptionCache.put(s.id(), s));
        }
        return subscriptionCache;
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
    public void start() {
        running = true;
        loop = Thread.ofPlatform().daemon().name("webhook-dispatcher").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        wake();
        try {
            loop.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }
}
