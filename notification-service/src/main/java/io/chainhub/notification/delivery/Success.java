package io.chainhub.notification.delivery;

import java.time.Instant;
import java.util.UUID;

/** A successful attempt, recorded in batches ({@link DeliveryStore#recordSuccesses}). */
public record Success(UUID deliveryId, int attempt, Instant at, int statusCode, long durationMs) {
}
