package io.chainhub.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.chainhub.notification.subscription.SubscriptionNotFoundException;
import io.chainhub.notification.subscription.SubscriptionStore;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Deliveries and their attempts log; resend and recover. Reading needs viewer, acting needs operator. */
@RestController
@Validated
class DeliveryController {

    /** A delivery with its attempts, newest last. */
    record DeliveryDetail(Delivery delivery, List<Attempt> attempts) {
    }

    private final DeliveryStore deliveries;
    private final SubscriptionStore subscriptions;
    private final Clock clock;

    DeliveryController(DeliveryStore deliveries, SubscriptionStore subscriptions, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** {@code GET /api/subscriptions/{id}/deliveries?status=FAILED&limit=100}: newest first. */
    @GetMapping("/api/subscriptions/{id}/deliveries")
    List<Delivery> deliveries(@PathVariable UUID id, @RequestParam(required = false) DeliveryStatus status,
                              @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        requireSubscription(id);
        return deliveries.list(id, status, limit);
    }

    /** {@code GET /api/subscriptions/{id}/attempts?outcome=FAILED&limit=100}: the attempts log, newest first. */
    @GetMapping("/api/subscriptions/{id}/attempts")
    List<Attempt> attempts(@PathVariable UUID id, @RequestParam(required = false) Attempt.AttemptOutcome outcome,
                           @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        requireSubscription(id);
        return deliveries.attemptsOf(id, outcome, limit);
    }

    /** {@code GET /api/deliveries/{id}}: the delivery, its exact payload and every attempt. */
    @GetMapping("/api/deliveries/{id}")
    DeliveryDetail delivery(@PathVariable UUID id) {
        Delivery delivery = deliveries.find(id).orElseThrow(() -> notFound(id));
        return new DeliveryDetail(delivery, deliveries.attempts(id));
    }

    /** {@code POST /api/deliveries/{id}/resend} → 202: sent again now (same webhook-id), fresh retry schedule. */
    @PostMapping("/api/deliveries/{id}/resend")
    @PreAuthorize("hasRole('operator')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeliveryDetail resend(@PathVariable UUID id) {
        Delivery delivery = deliveries.find(id).orElseThrow(() -> notFound(id));
        if (!deliveries.resend(id, clock.instant())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "delivery " + id + " is " + delivery.status()
                    + " and cannot be resent on its own");
        }
        return delivery(id);
    }

    /**
     * {@code POST /api/subscriptions/{id}/recover?since=2026-11-22T00:00:00Z} → 202 {@code {"recovered": n}}:
     * every FAILED delivery created since then is queued again.
     */
    @PostMapping("/api/subscriptions/{id}/recover")
    @PreAuthorize("hasRole('operator')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Integer> recover(@PathVariable UUID id,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since) {
        requireSubscription(id);
        return Map.of("recovered", deliveries.recoverFailed(id, since, clock.instant()));
    }

    private void requireSubscription(UUID id) {
        if (subscriptions.find(id).isEmpty()) {
            throw new SubscriptionNotFoundException(id);
        }
    }

    private static ResponseStatusException notFound(UUID id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no delivery " + id);
    }
}
