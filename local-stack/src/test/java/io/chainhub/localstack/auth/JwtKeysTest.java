package io.chainhub.localstack.auth;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtKeysTest {

    @TempDir
    Path dir;

    @Test
    void shouldWritePemFilesThatSpringReadsAndVerifyDemoUserTokens() throws Exception {
        JwtKeys keys = JwtKeys.loadOrCreate(dir);

        assertThat(Files.readString(dir.resolve(JwtKeys.PRIVATE_KEY_FILE))).startsWith("-----BEGIN PRIVATE KEY-----");
        Jwt jwt = decoder().decode(keys.mintForDemoUser("bob"));

        assertThat(jwt.getSubject()).isEqualTo("bob");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("approver");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("chainhub-local");
        assertThat(jwt.getAudience()).containsExactly("chainhub");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void shouldKeepTheKeyPairAcrossLoads() throws Exception {
        String token = JwtKeys.loadOrCreate(dir).mint("svc", java.util.List.of("admin"));

        assertThat(JwtKeys.loadOrCreate(dir).publicKey()).isEqualTo(JwtKeys.loadOrCreate(dir).publicKey());
        assertThat(decoder().decode(token).getSubject()).isEqualTo("svc");
    }

    @Test
    void shouldNameTheDemoUsersWhenTheUserIsUnknown() {
        JwtKeys keys = JwtKeys.loadOrCreate(dir);

        assertThatThrownBy(() -> keys.mintForDemoUser("mallory"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown user 'mallory': demo users are admin, alice, bob, carol, dana, viewer");
    }

    @Test
    void shouldMintExpiredTokensForIssueTimesInThePast() throws Exception {
        String token = JwtKeys.loadOrCreate(dir).mint("alice", java.util.List.of(), Instant.now().minus(Duration.ofHours(3)),
                Duration.ofHours(1));

        assertThatThrownBy(() -> decoder().decode(token)).hasMessageContaining("expired");
    }

    private NimbusJwtDecoder decoder() throws Exception {
        try (InputStream pem = Files.newInputStream(dir.resolve(JwtKeys.PUBLIC_KEY_FILE))) {
            return NimbusJwtDecoder.withPublicKey(RsaKeyConverters.x509().convert(pem)).build();
        }
    }
}
