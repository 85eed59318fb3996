package io.chainhub.platform.sample;

import java.util.List;

import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A JWT carrying a {@code roles} claim, mapped to authorities by the platform's own converter. */
public final class WithRoles {

    private WithRoles() {
    }

    public static RequestPostProcessor token(JwtAuthenticationConverter converter, String... roles) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(jwt -> jwt.subject("tester").claim("roles", List.of(roles)))
                .authorities(jwt -> converter.convert(jwt).getAuthorities());
    }
}
