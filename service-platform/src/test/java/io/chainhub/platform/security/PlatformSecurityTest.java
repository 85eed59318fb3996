package io.chainhub.platform.security;

import static io.chainhub.platform.sample.WithRoles.token;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

// the decoder is a mock stubbed per test: no cache of verified tokens in front of it
@WebMvcTest(properties = {"chainhub.security.public-paths=/dashboard/**", "chainhub.security.verified-token-cache=false"})
class PlatformSecurityTest {

    private static final String NEW_SAMPLE = """
            {"name": "n", "owner": "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "amount": 5}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    JwtAuthenticationConverter converter;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void shouldAnswer401ProblemWhenNoToken() throws Exception {
        mvc.perform(get("/api/samples"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value(containsString("Authorization: Bearer")));
    }

    @Test
    void shouldAnswer401ProblemWhenTokenInvalid() throws Exception {
        given(jwtDecoder.decode("garbage")).willThrow(new BadJwtException("Jwt expired at 2020-01-01T00:00:00Z"));

        mvc.perform(get("/api/samples").header(HttpHeaders.AUTHORIZATION, "Bearer garbage"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("error=\"invalid_token\"")))
                .andExpect(jsonPath("$.detail").value(containsString("Jwt expired")));
    }

    @Test
    void shouldMapRolesClaimWhenRealBearerTokenDecoded() throws Exception {
        given(jwtDecoder.decode("viewer-token")).willReturn(Jwt.withTokenValue("viewer-token")
                .header("alg", "RS256").subject("dave").claim("roles", List.of("viewer"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build());

        mvc.perform(get("/api/samples").header(HttpHeaders.AUTHORIZATION, "Bearer viewer-token"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/samples").header(HttpHeaders.AUTHORIZATION, "Bearer viewer-token")
                        .contentType(MediaType.APPLICATION_JSON).content(NEW_SAMPLE))
                .andExpect(status().isForbidden());
    }

    @Test
    void shouldAnswer403ProblemWhenTokenHasNoRole() throws Exception {
        mvc.perform(get("/api/samples").with(token(converter)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.detail").value(containsString("roles")));
    }

    @Test
    void shouldAnswer403ProblemWhenViewerPosts() throws Exception {
        mvc.perform(post("/api/samples").with(token(converter, "viewer"))
                        .contentType(MediaType.APPLICATION_JSON).content(NEW_SAMPLE))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void shouldAnswer403ProblemWhenApproverCallsOperatorEndpoint() throws Exception {
        mvc.perform(post("/api/samples").with(token(converter, "approver"))
                        .contentType(MediaType.APPLICATION_JSON).content(NEW_SAMPLE))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
    }

    @Test
    void shouldAllowGetWhenViewer() throws Exception {
        mvc.perform(get("/api/samples").with(token(converter, "viewer"))).andExpect(status().isOk());
    }

    @Test
    void shouldAllowGetWhenApprover() throws Exception {
        mvc.perform(get("/api/samples/7").with(token(converter, "approver"))).andExpect(status().isOk());
    }

    @Test
    void shouldAllowPostWhenOperator() throws Exception {
        mvc.perform(post("/api/samples").with(token(converter, "operator"))
                        .contentType(MediaType.APPLICATION_JSON).content(NEW_SAMPLE))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("n"));
    }

    @Test
    void shouldAllowEverythingWhenAdmin() throws Exception {
        mvc.perform(get("/api/samples").with(token(converter, "admin"))).andExpect(status().isOk());
        mvc.perform(post("/api/samples").with(token(converter, "admin"))
                .contentType(MediaType.APPLICATION_JSON).content(NEW_SAMPLE)).andExpect(status().isCreated());
        mvc.perform(post("/api/samples/3/approval").with(token(converter, "admin"))).andExpect(status().isOk());
        mvc.perform(delete("/api/samples/3").with(token(converter, "admin"))).andExpect(status().isNoContent());
    }

    @Test
    void shouldDenyDeleteWhenOperator() throws Exception {
        mvc.perform(delete("/api/samples/3").with(token(converter, "operator")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void shouldServeDeclaredPublicPathWhenNoToken() throws Exception {
        mvc.perform(get("/dashboard/ping")).andExpect(status().isOk());
    }

    @Test // RFC 9728: the WWW-Authenticate of a 401 points clients here
    void shouldServeProtectedResourceMetadataWhenNoToken() throws Exception {
        mvc.perform(get("/.well-known/oauth-protected-resource"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.bearer_methods_supported[0]").value("header"));
    }

    @Test
    void shouldAnswer401WhenUnknownPathAndNoToken() throws Exception {
        mvc.perform(get("/nothing-here")).andExpect(status().isUnauthorized());
    }
}
