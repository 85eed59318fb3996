package io.chainhub.notification.subscription;

import java.time.Instant;
import java.util.Optional;

import io.chainhub.notification.secret.SecretCipher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Remembered answers of creating POSTs, by {@code Idempotency-Key}. The answer of a create holds the new
 * webhook secret, so it is stored encrypted like the secret itself.
 */
@Repository
class IdempotencyStore {

    record Remembered(String requestHash, int status, String body) {
    }

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    IdempotencyStore(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    Optional<Remembered> find(String key) {
        return jdbc.sql("SELECT request_hash, response_status, response_body FROM idempotency_key WHERE idempotency_key = ?")
                .param(key)
                .query((rs, row) -> new Remembered(rs.getString(1), rs.getInt(2), cipher.decrypt(rs.getString(3))))
                .optional();
    }

    /** False when another request with the same key got there first (then read {@link #find}). */
    boolean remember(String key, String requestHash, int status, String body, Instant now) {
        return jdbc.sql("INSERT INTO idempotency_key (idempotency_key, request_hash, response_status, response_body, created_at) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING")
                .params(key, requestHash, status, cipher.encrypt(body), SubscriptionStore.ts(now))
                .update() > 0;
    }
}
