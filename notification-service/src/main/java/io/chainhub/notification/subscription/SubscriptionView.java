package io.chainhub.notification.subscription;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.chainhub.events.fraud.AlertSeverity;
import io.chainhub.events.transfer.TokenStandard;

/**
 * A subscription as the API shows it. {@code webhook.secret} appears only in the answers of create
 * and of secret rotation: store it then, it is never shown again.
 */
public record SubscriptionView(UUID id, String name, SubscriptionStatus status, List<String> eventTypes,
                               List<String> addresses, AddressRole addressRole, List<String> tokens,
                               List<TokenStandard> standards, String minValue, Long chainId,
                               AlertSeverity minSeverity, WebhookView webhook, String email, int emailMaxPerHour,
                               String ownerEmail, String createdBy, Instant createdAt, Instant updatedAt) {

    /**
     * @param enabled        false after a 410 or after failing for too long; re-enable with POST .../webhook/enable
     * @param failingSince   first failure since the last success
     * @param previousSecretExpiresAt until then, deliveries carry a second signature made with the previous secret
     */
    public record WebhookView(String url, boolean enabled, String disabledReason, Instant failingSince,
                              Instant previousSecretExpiresAt,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {
    }

    static SubscriptionView of(Subscription s) {
        return of(s, null);
    }

    static SubscriptionView of(Subscription s, String revealedSecret) {
        Subscription.Webhook w = s.webhook();
        WebhookView webhook = w == null ? null : new WebhookView(w.url(), w.enabled(), w.disabledReason(),
                w.failingSince(), w.previousSecretExpiresAt(), revealedSecret);
        return new SubscriptionView(s.id(), s.name(), s.status(), s.eventTypes(), s.addresses(), s.addressRole(),
                s.tokens(), s.standards(), s.minValue() == null ? null : s.minValue().toString(), s.chainId(),
                s.minSeverity(), webhook, s.email(), s.emailMaxPerHour(), s.ownerEmail(), s.createdBy(),
                s.createdAt(), s.updatedAt());
    }
}
