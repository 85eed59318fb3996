package io.chainhub.notification.subscription;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook and email subscriptions. Reading needs {@code viewer}, changing needs {@code operator}.
 */
@RestController
@Validated
@RequestMapping("/api/subscriptions")
class SubscriptionController {

    private final SubscriptionStore store;
    private final SubscriptionService service;

    SubscriptionController(SubscriptionStore store, SubscriptionService service) {
        this.store = store;
        this.service = service;
    }

    /** {@code GET /api/subscriptions}: every subscription, oldest first (secrets never shown). */
    @GetMapping
    List<SubscriptionView> list() {
        return store.findAll().stream().map(SubscriptionView::of).toList();
    }

    /** {@code GET /api/subscriptions/{id}}. */
    @GetMapping("/{id}")
    SubscriptionView get(@PathVariable UUID id) {
        return SubscriptionView.of(service.get(id));
    }

    /**
     * {@code POST /api/subscriptions} → 201 with the subscription; {@code webhook.secret} ({@code whsec_...}) is
     * shown in this answer only. With {@code Idempotency-Key}, the same key and body answer the original
     * response again; the same key with another body is a 422 problem.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('operator')")
    ResponseEntity<String> create(@Valid @RequestBody SubscriptionRequest request,
                                  @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 255) String idempotencyKey,
                                  Authentication user) {
        SubscriptionService.Created created = service.create(request, idempotencyKey, user.getName());
        String id = io.chainhub.events.kafka.EventJson.mapper().readTree(created.body()).get("id").asString();
        return ResponseEntity.status(created.status())
                .location(URI.create("/api/subscriptions/" + id))
                .contentType(MediaType.APPLICATION_JSON)
                .body(created.body());
    }

    /** {@code PUT /api/subscriptions/{id}}: replaces criteria and channels (keeps secrets and status). */
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('operator')")
    SubscriptionView update(@PathVariable UUID id, @Valid @RequestBody SubscriptionRequest request) {
        return service.update(id, request);
    }

    /** {@code POST /api/subscriptions/{id}/pause}: no new matches, queued deliveries wait. */
    @PostMapping("/{id}/pause")
    @PreAuthorize("hasRole('operator')")
    SubscriptionView pause(@PathVariable UUID id) {
        return service.setStatus(id, SubscriptionStatus.PAUSED);
    }

    /** {@code POST /api/subscriptions/{id}/resume}. */
    @PostMapping("/{id}/resume")
    @PreAuthorize("hasRole('operator')")
    SubscriptionView resume(@PathVariable UUID id) {
        return service.setStatus(id, SubscriptionStatus.ACTIVE);
    }

    /** {@code DELETE /api/subscriptions/{id}} → 204; its deliveries and their log go with it. */
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('operator')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        service.delete(id);
    }

    /**
     * {@code POST /api/subscriptions/{id}/webhook/rotate-secret?graceSeconds=86400}: a new secret (shown in this
     * answer only); the old one keeps signing, as a second signature, during the grace period.
     */
    @PostMapping("/{id}/webhook/rotate-secret")
    @PreAuthorize("hasRole('operator')")
    SubscriptionView rotateSecret(@PathVariable UUID id,
                                  @org.springframework.web.bind.annotation.RequestParam(required = false) @Min(0) @Max(2_592_000) Long graceSeconds) {
        return service.rotateSecret(id, graceSeconds == null ? null : Duration.ofSeconds(graceSeconds));
    }

    /** {@code POST /api/subscriptions/{id}/webhook/enable}: re-enables a disabled endpoint. */
    @PostMapping("/{id}/webhook/enable")
    @PreAuthorize("hasRole('operator')")
    SubscriptionView enableWebhook(@PathVariable UUID id) {
        return service.enableWebhook(id);
    }
}
