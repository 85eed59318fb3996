package io.chainhub.notification.subscription;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.chainhub.events.kafka.EventJson;
import io.chainhub.notification.config.NotificationProperties;
import io.chainhub.notification.webhook.SsrfGuard;
import io.chainhub.notification.webhook.WebhookSignature;
import io.chainhub.platform.address.Addresses;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** Creating and changing subscriptions; every change is announced so the matching index reloads. */
@Service
public class SubscriptionService {

    private static final int DEFAULT_EMAILS_PER_HOUR = 20;

    /** The answer of a create: the view (with the secret revealed) and whether it was replayed. */
    record Created(int status, String body) {
    }

    private final SubscriptionStore store;
    private final IdempotencyStore idempotency;
    private final SsrfGuard ssrf;
    private final ApplicationEventPublisher events;
    private final NotificationProperties properties;
    private final Clock clock;

    SubscriptionService(SubscriptionStore store, IdempotencyStore idempotency, SsrfGuard ssrf,
                        ApplicationEventPublisher events, NotificationProperties properties, Clock clock) {
        this.store = store;
        this.idempotency = idempotency;
        this.ssrf = ssrf;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Creates a subscription; with an idempotency key, a repeat of the same body answers the original
     * response and a different body is refused with 422.
     */
    @Transactional
    Created create(SubscriptionRequest request, String idempotencyKey, String user) {
        String hash = idempotencyKey == null ? null : hash(request);
        if (idempotencyKey != null) {
            var remembered = idempotency.find(idempotencyKey);
            if (remembered.isPresent()) {
                return replay(remembered.get(), hash);
            }
        }
        checkChannels(request);
        Instant now = clock.instant();
        String secret = request.webhook() == null ? null : WebhookSignature.newSecret();
        Subscription.Webhook webhook = request.webhook() == null ? null
                : new Subscription.Webhook(request.webhook().url(), true, null, null, secret, null, null);
        Subscription subscription = build(UUID.randomUUID(), request, SubscriptionStatus.ACTIVE, webhook, user, now, now);
        store.insert(subscription);
        String body = EventJson.mapper().writeValueAsString(SubscriptionView.of(subscription, secret));
        if (idempotencyKey != null && !idempotency.remember(idempotencyKey, hash, 201, body, now)) {
            // a concurrent request with the same key won; undo ours and answer theirs
            throw new ConcurrentIdempotentRequestException();
        }
        events.publishEvent(new SubscriptionsChanged());
        return new Created(201, body);
    }

    /** Answer for the loser of a race on one idempotency key (the transaction rolls back). */
    static class ConcurrentIdempotentRequestException extends ResponseStatusException {
        ConcurrentIdempotentRequestException() {
            super(HttpStatus.CONFLICT, "a request with the same Idempotency-Key is being processed; retry");
        }
    }

    private Created replay(IdempotencyStore.Remembered remembered, String hash) {
        if (!remembered.requestHash().equals(hash)) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT,
                    "Idempotency-Key was already used with a different request body");
        }
        return new Created(remembered.status(), remembered.body());
    }

    /** Replaces criteria and channels. A webhook added now gets a new secret, revealed in the answer. */
    @Transactional
    SubscriptionView update(UUID id, SubscriptionRequest request) {
        Subscription existing = get(id);
        checkChannels(request);
        String revealed = null;
        Subscription.Webhook webhook = null;
        if (request.webhook() != null) {
            Subscription.Webhook old = existing.webhook();
            if (old == null) {
                revealed = WebhookSignature.newSecret();
                webhook = new Subscription.Webhook(request.webhook().url(), true, null, null, revealed, null, null);
            } else {
                webhook = new Subscription.Webhook(request.webhook().url(), old.enabled(), old.disabledReason(),
                        old.failingSince(), old.secret(), old.previousSecret(), old.previousSecretExpiresAt());
            }
        }
        Subscription updated = build(id, request, existing.status(), webhook, existing.createdBy(),
                existing.createdAt(), clock.instant());
        store.update(updated);
        events.publishEvent(new SubscriptionsChanged());
        return SubscriptionView.of(updated, revealed);
    }

    @Transactional
    SubscriptionView setStatus(UUID id, SubscriptionStatus status) {
        Subscription s = get(id);
        Subscription changed = new Subscription(s.id(), s.name(), status, s.eventTypes(), s.addresses(), s.addressRole(),
                s.tokens(), s.standards(), s.minValue(), s.chainId(), s.minSeverity(), s.webhook(), s.email(),
                s.emailMaxPerHour(), s.ownerEmail(), s.createdBy(), s.createdAt(), clock.instant());
        store.update(changed);
        events.publishEvent(new SubscriptionsChanged());
        return SubscriptionView.of(changed);
    }

    @Transactional
    void delete(UUID id) {
        if (!store.delete(id)) {
            throw new SubscriptionNotFoundException(id);
        }
        events.publishEvent(new SubscriptionsChanged());
    }

    /** New secret now; the previous one keeps signing (second signature) for {@code grace}. */
    @Transactional
    SubscriptionView rotateSecret(UUID id, Duration grace) {
        Subscription s = get(id);
        Subscription.Webhook w = requireWebhook(s);
        Instant now = clock.instant();
        String secret = WebhookSignature.newSecret();
        Duration effective = grace == null ? properties.webhook().secretGracePeriod() : grace;
        Subscription.Webhook rotated = new Subscription.Webhook(w.url(), w.enabled(), w.disabledReason(),
                w.failingSince(), secret, w.secret(), now.plus(effective));
        Subscription changed = withWebhook(s, rotated, now);
        store.update(changed);
        return SubscriptionView.of(changed, secret);
    }

    /** Re-enables a disabled endpoint; its pending deliveries go out again. */
    @Transactional
    SubscriptionView enableWebhook(UUID id) {
        Subscription s = get(id);
        Subscription.Webhook w = requireWebhook(s);
        Subscription changed = withWebhook(s, new Subscription.Webhook(w.url(), true, null, null, w.secret(),
                w.previousSecret(), w.previousSecretExpiresAt()), clock.instant());
        store.update(changed);
        events.publishEvent(new SubscriptionsChanged());
        return SubscriptionView.of(changed);
    }

    Subscription get(UUID id) {
        return store.find(id).orElseThrow(() -> new SubscriptionNotFoundException(id));
    }

    private static Subscription.Webhook requireWebhook(Subscription s) {
        if (s.webhook() == null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "subscription " + s.id() + " has no webhook channel");
        }
        return s.webhook();
    }

    private static Subscription withWebhook(Subscription s, Subscription.Webhook webhook, Instant now) {
        return new Subscription(s.id(), s.name(), s.status(), s.eventTypes(), s.addresses(), s.addressRole(),
                s.tokens(), s.standards(), s.minValue(), s.chainId(), s.minSeverity(), webhook, s.email(),
                s.emailMaxPerHour(), s.ownerEmail(), s.createdBy(), s.createdAt(), now);
    }

    private void checkChannels(SubscriptionRequest request) {
        if (request.webhook() == null && request.email() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "at least one channel is required: webhook or email");
        }
        if (request.webhook() != null) {
            ssrf.check(request.webhook().url());
        }
    }

    private static Subscription build(UUID id, SubscriptionRequest r, SubscriptionStatus status,
                                      Subscription.Webhook webhook, String user, Instant createdAt, Instant updatedAt) {
        return new Subscription(id, r.name().strip(), status, List.copyOf(r.eventTypes()).stream().distinct().toList(),
                normalize(r.addresses()), r.addressRole() == null ? AddressRole.EITHER : r.addressRole(),
                normalize(r.tokens()), r.standards() == null ? List.of() : r.standards().stream().distinct().toList(),
                r.minValue() == null ? null : new BigInteger(r.minValue()), r.chainId(), r.minSeverity(), webhook,
                r.email(), r.emailMaxPerHour() == null ? DEFAULT_EMAILS_PER_HOUR : r.emailMaxPerHour(), r.ownerEmail(),
                user, createdAt, updatedAt);
    }

    private static List<String> normalize(List<String> addresses) {
        return addresses == null ? List.of() : addresses.stream().map(Addresses::normalize).distinct().toList();
    }

    private static String hash(SubscriptionRequest request) {
        try {
            byte[] canonical = EventJson.mapper().writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
