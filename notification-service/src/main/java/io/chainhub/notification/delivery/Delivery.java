package io.chainhub.notification.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * One notification of one event to one subscriber over one channel.
 *
 * @param webhookId the {@code webhook-id} header: the same on every attempt, the receiver's dedup key
 * @param payload   the exact body sent, {@code {"type", "timestamp", "data"}}
 * @param attempts  attempts made so far
 */
public record Delivery(UUID id, UUID subscriptionId, Channel channel, String webhookId, String eventType,
                       String subject, String severity, String payload, DeliveryStatus status, int attempts,
                       Instant nextAttemptAt, Integer lastStatus, String lastError, Instant createdAt,
                       Instant completedAt) {
}
