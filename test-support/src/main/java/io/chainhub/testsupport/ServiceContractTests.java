package io.chainhub.testsupport;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service promises (SPEC.md, HTTP conventions), checked over real HTTP against the whole
 * application on real PostgreSQL and Kafka. A service's {@code <Name>ApplicationIT} extends it with
 * {@link ChainHubIntegrationTest} and names one of its {@code /api} endpoints.
 */
public abstract class ServiceContractTests {

    private final String application;
    private final String api;
    private final String viewerBodyFragment;

    @LocalServerPort
    int port;

    private RestClient http;

    /**
     * @param viewerBodyFragment something the endpoint's answer to a viewer must contain
     */
    protected ServiceContractTests(String application, String api, String viewerBodyFragment) {
        this.application = application;
        this.api = api;
        this.viewerBodyFragment = viewerBodyFragment;
    }

    @BeforeEach
    void setUpClient() {
        // no exceptions for 4xx/5xx: the status is what these tests look at
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    /** Readiness may take a moment after start (a listener's followers pin their start, Streams starts). */
    @Test
    void shouldBeReadyWithoutToken() {
        ResponseEntity<String> response = Awaitility.await("ready").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> get("/actuator/health/readiness", null), r -> r.getStatusCode() == HttpStatus.OK);

        assertThat(response.getBody()).contains("\"status\":\"UP\"");
    }

    @Test
    void shouldAnswer401ProblemWhenNoToken() {
        ResponseEntity<String> response = get(api, null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(response.getBody()).contains("\"status\":401");
    }

    @Test
    void shouldAnswer401WhenTokenSignedByAnotherKey() {
        ResponseEntity<String> response = get(api, TestInfrastructure.get().tokens().forgedBearer("viewer"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldAnswer403ProblemWhenTokenHasNoRole() {
        ResponseEntity<String> response = get(api, TestInfrastructure.get().tokens().bearer("mallory"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldServeApiWhenViewer() {
        ResponseEntity<String> response = get(api, TestInfrastructure.get().tokens().bearer("viewer", "viewer"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(response.getBody()).contains(viewerBodyFragment);
    }

    @Test
    void shouldServeOpenApiWithoutToken() {
        ResponseEntity<String> response = get("/v3/api-docs", null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("\"title\":\"" + application + "\"").contains("bearer-jwt").contains(api);
    }

    @Test
    void shouldExposePrometheusMetricsWithoutToken() {
        ResponseEntity<String> response = get("/actuator/prometheus", null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("jvm_memory_used_bytes").contains("application=\"" + application + "\"");
    }

    protected ResponseEntity<String> get(String path, String authorization) {
        return http.get().uri(path)
                .headers(headers -> {
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                })
                .retrieve().toEntity(String.class);
    }
}
