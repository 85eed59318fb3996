package io.chainhub.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;

/** By default every service verifies a repeated bearer token once and records no per-filter observations. */
@WebMvcTest
class VerifiedTokenWiringTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    /** Counts the checks of the decoder bean, which the context hands out wrapped. */
    static final AtomicInteger CHECKS = new AtomicInteger();

    /** A real decoder bean (a Mockito bean override would bypass the post-processor), counting its checks. */
    @TestConfiguration
    static class Decoder {

        @Bean
        JwtDecoder countingDecoder() {
            return token -> {
                CHECKS.incrementAndGet();
                return Jwt.withTokenValue(token).header("alg", "RS256").subject("dave")
                        .claim("roles", List.of("viewer")).issuedAt(Instant.now())
                        .expiresAt(Instant.now().plusSeconds(60)).build();
            };
        }
    }

    @Test
    void shouldVerifyARepeatedTokenOnceWhenRequestsPresentIt() throws Exception {
        int before = CHECKS.get();
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/samples").header(HttpHeaders.AUTHORIZATION, "Bearer viewer-token"))
                    .andExpect(status().isOk());
        }

        assertThat(context.getBean(JwtDecoder.class)).isInstanceOf(VerifiedTokenCache.class);
        assertThat(CHECKS.get() - before).isEqualTo(1);
    }

    @Test
    void shouldRecordNoSecurityObservationsWhenServiceDeclaresNone() {
        assertThat(context.getBean(SecurityObservationSettings.class))
                .usingRecursiveComparison().isEqualTo(SecurityObservationSettings.noObservations());
    }
}
