package io.chainhub.notification.subscription;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.chainhub.events.fraud.AlertSeverity;
import io.chainhub.events.transfer.TokenStandard;

/**
 * A subscription as stored: criteria (empty lists / null mean "any"), channels and endpoint state.
 *
 * @param addresses lowercase; matched against from/to (per {@code addressRole}), the subject of fraud
 *                  alerts and the address of custody events
 * @param tokens    lowercase token contract addresses
 * @param webhook   null when the subscription has no webhook channel
 * @param email     null when the subscription has no email channel
 */
public record Subscription(UUID id, String name, SubscriptionStatus status, List<String> eventTypes,
                           List<String> addresses, AddressRole addressRole, List<String> tokens,
                           List<TokenStandard> standards, BigInteger minValue, Long chainId,
                           AlertSeverity minSeverity, Webhook webhook, String email, int emailMaxPerHour,
                           String ownerEmail, String createdBy, Instant createdAt, Instant updatedAt) {

    /**
     * @param failingSince first failure since the last success, null when healthy
     * @param previousSecret still signs (as a second signature) until {@code previousSecretExpiresAt}
     */
    public record Webhook(String url, boolean enabled, String disabledReason, Instant failingSince, String secret,
                          String previousSecret, Instant previousSecretExpiresAt) {

        /** The secrets to sign with now: the current one, plus the previous one during its grace period. */
        public List<String> signingSecrets(Instant now) {
            if (previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)) {
                return List.of(secret, previousSecret);
            }
            return List.of(secret);
        }
    }

    public boolean active() {
        return status == SubscriptionStatus.ACTIVE;
    }

    /** Who hears about a disabled endpoint: the owner's address, else the subscription's email channel. */
    public String contactEmail() {
        return ownerEmail != null ? ownerEmail : email;
    }
}
