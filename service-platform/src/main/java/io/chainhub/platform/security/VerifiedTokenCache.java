package io.chainhub.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that verifies each distinct bearer token once and then serves it from memory
 * until the token expires (at most {@link #MAX_HOLD}). A dashboard or client repeats the same token
 * on every request, and the RSA signature check was ~8 % of a query's CPU.
 *
 * <p>Safe because the key is the whole token string, signature included: a token that differs in
 * any byte is verified afresh, and a failed verification is never cached. An entry never outlives
 * the token's {@code exp}, and is checked against it again when served. What is given up: a
 * rotated-away signing key keeps its already-verified tokens valid for up to {@link #MAX_HOLD}.
 */
final class VerifiedTokenCache implements JwtDecoder {

    /** Bounds how long a verified token is trusted without checking its signature again. */
    static final Duration MAX_HOLD = Duration.ofMinutes(5);
    private static final int MAX_TOKENS = 10_000;

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokenCache(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> hold(jwt)))
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt cached = verified.getIfPresent(token);
        if (cached != null && !expired(cached)) {
            return cached;
        }
        Jwt jwt = verifier.decode(token); // throws on a bad signature, issuer, audience or time: not cached
        verified.put(token, jwt);
        return jwt;
    }

    private boolean expired(Jwt jwt) {
        return jwt.getExpiresAt() != null && !clock.instant().isBefore(jwt.getExpiresAt());
    }

    private Duration hold(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return MAX_HOLD;
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left.compareTo(MAX_HOLD) < 0 ? left : MAX_HOLD;
    }
}
