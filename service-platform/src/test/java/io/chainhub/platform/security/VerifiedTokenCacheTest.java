package io.chainhub.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    private final List<String> verified = new ArrayList<>();
    private final MutableClock clock = new MutableClock(NOW);

    @Test
    void shouldVerifyATokenOnceWhenItIsPresentedAgain() {
        JwtDecoder cache = new VerifiedTokenCache(verifier(NOW.plus(Duration.ofHours(1))), clock);

        Jwt first = cache.decode("token-a");
        Jwt second = cache.decode("token-a");

        assertThat(second).isSameAs(first);
        assertThat(verified).containsExactly("token-a");
    }

    @Test
    void shouldVerifyAgainWhenTheTokenDiffersInAnyByte() {
        JwtDecoder cache = new VerifiedTokenCache(verifier(NOW.plus(Duration.ofHours(1))), clock);

        cache.decode("token-a");
        cache.decode("token-b");

        assertThat(verified).containsExactly("token-a", "token-b");
    }

    @Test
    void shouldNotServeATokenFromMemoryWhenItHasExpired() {
        JwtDecoder cache = new VerifiedTokenCache(verifier(NOW.plus(Duration.ofMinutes(1))), clock);
        cache.decode("token-a");

        clock.now = NOW.plus(Duration.ofMinutes(2));
        assertThatThrownBy(() -> cache.decode("token-a")).isInstanceOf(BadJwtException.class);
    }

    @Test
    void shouldVerifyAgainWhenHeldLongerThanTheMaximum() {
        JwtDecoder cache = new VerifiedTokenCache(verifier(NOW.plus(Duration.ofHours(1))), clock);
        cache.decode("token-a");

        clock.now = NOW.plus(VerifiedTokenCache.MAX_HOLD).plusSeconds(1);
        cache.decode("token-a");

        assertThat(verified).containsExactly("token-a", "token-a");
    }

    @Test
    void shouldNotRememberAFailedVerificationWhenTheSameTokenComesAgain() {
        JwtDecoder failing = token -> {
            verified.add(token);
            throw new BadJwtException("bad signature");
        };
        JwtDecoder cache = new VerifiedTokenCache(failing, clock);

        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verified).containsExactly("forged", "forged");
    }

    /** Stands in for the signature check: expired tokens fail as Nimbus' validators would. */
    private JwtDecoder verifier(Instant expiresAt) {
        return token -> {
            verified.add(token);
            if (!clock.instant().isBefore(expiresAt)) {
                throw new BadJwtException("Jwt expired at " + expiresAt);
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("viewer")
                    .issuedAt(NOW).expiresAt(expiresAt).build();
        };
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
