package io.chainhub.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.chainhub.localstack.auth.DemoUsers;
import io.chainhub.localstack.auth.JwtKeys;

/**
 * Bearer tokens for tests, signed by a key pair generated for this test JVM. Contexts started with
 * {@link ChainHubIntegrationTest} trust that key through {@link #publicKeyLocation()}.
 */
public final class TestTokens {

    private final JwtKeys keys;

    TestTokens(JwtKeys keys) {
        this.keys = keys;
    }

    /**
     * {@code "Bearer <jwt>"} for {@code user} with {@code roles}. Without roles, a demo user
     * (alice, bob, carol, admin, dana, viewer) gets its usual roles and anyone else none.
     */
    public String bearer(String user, String... roles) {
        return "Bearer " + token(user, roles);
    }

    /** The raw JWT of {@link #bearer}. */
    public String token(String user, String... roles) {
        return keys.mint(user, roles(user, roles));
    }

    /** Correctly signed but expired an hour ago: must get 401. */
    public String expiredBearer(String user, String... roles) {
        return "Bearer " + keys.mint(user, roles(user, roles), Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
    }

    /** Well-formed but signed by a key nobody trusts: must get 401. */
    public String forgedBearer(String user, String... roles) {
        return "Bearer " + Forger.KEYS.mint(user, roles(user, roles));
    }

    /** A {@code file:} URL of the public key PEM, for {@code spring.security.oauth2.resourceserver.jwt.public-key-location}. */
    public String publicKeyLocation() {
        return keys.publicKeyLocation();
    }

    public JwtKeys keys() {
        return keys;
    }

    private static List<String> roles(String user, String... roles) {
        if (roles.length > 0) {
            return List.of(roles);
        }
        return DemoUsers.all().getOrDefault(user, List.of());
    }

    /** Generated on first use only: most test runs never forge a token. */
    private static final class Forger {
        static final JwtKeys KEYS = JwtKeys.loadOrCreate(TempDirs.create("forged-keys-"));
    }
}
