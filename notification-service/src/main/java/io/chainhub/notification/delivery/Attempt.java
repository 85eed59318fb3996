package io.chainhub.notification.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * One try of a delivery, as the attempts log shows it.
 *
 * @param outcome    SUCCEEDED, FAILED (will retry or gave up), GONE (410, endpoint disabled)
 * @param statusCode HTTP status, null when no answer (timeout, refused connection) or for email
 */
public record Attempt(long id, UUID deliveryId, int attempt, Instant attemptedAt, AttemptOutcome outcome,
                      Integer statusCode, String error, long durationMs) {

    public enum AttemptOutcome { SUCCEEDED, FAILED, GONE }
}
