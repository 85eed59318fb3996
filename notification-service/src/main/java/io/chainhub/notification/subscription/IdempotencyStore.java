package io.chainhub.notification.subscription;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Remembered answers of creating POSTs, by {@code Idempotency-Key}. */
@Repository
class IdempotencyStore {

    record Remembered(String requestHash, int status, String body) {
    }

    private final JdbcClient jdbc;

    IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Remembered> find(String key) {
        return jdbc.sql("SELECT request_hash, response_status, response_body FROM idempotency_key WHERE idempotency_key = ?")
                .param(key)
                .query((rs, row) -> new Remembered(rs.getString(1), rs.getInt(2), rs.getString(3)))
                .optional();
    }

    /** False when another request with the same key got there first (then read {@link #find}). */
    boolean remember(String key, String requestHash, int status, String body, Instant now) {
        return jdbc.sql("INSERT INTO idempotency_key (idempotency_key, request_hash, response_status, response_body, created_at) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING")
                .params(key, requestHash, status, body, SubscriptionStore.ts(now))
                .update() > 0;
    }
}
