package io.chainhub.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainhub.testsupport.ChainHubIntegrationTest;
import io.chainhub.testsupport.TestInfrastructure;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The whole application against real PostgreSQL (Flyway migrations, schema validation) and Kafka,
 * over real HTTP: what every service promises (SPEC.md, HTTP conventions).
 */
@ChainHubIntegrationTest
class FraudApplicationIT {

    private static final String API = "/api/alerts";

    @LocalServerPort
    int port;

    private RestClient http;

    @BeforeEach
    void setUp() {
        // no exceptions for 4xx/5xx: the status is what these tests look at
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    @Test
    void shouldBeReadyWithoutToken() {
        ResponseEntity<String> response = get("/actuator/health/readiness", null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("\"status\":\"UP\"");
    }

    @Test
    void shouldAnswer401ProblemWhenNoToken() {
        ResponseEntity<String> response = get(API, null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(response.getBody()).contains("\"status\":401");
    }

    @Test
    void shouldAnswer401WhenTokenSignedByAnotherKey() {
        ResponseEntity<String> response = get(API, TestInfrastructure.get().tokens().forgedBearer("viewer"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldAnswer403ProblemWhenTokenHasNoRole() {
        ResponseEntity<String> response = get(API, TestInfrastructure.get().tokens().bearer("mallory"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldServeApiWhenViewer() {
        ResponseEntity<String> response = get(API, TestInfrastructure.get().tokens().bearer("viewer", "viewer"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(response.getBody()).contains("[");
    }

    @Test
    void shouldServeOpenApiWithoutToken() {
        ResponseEntity<String> response = get("/v3/api-docs", null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("\"title\":\"fraud-service\"").contains("bearer-jwt").contains(API);
    }

    @Test
    void shouldExposePrometheusMetricsWithoutToken() {
        ResponseEntity<String> response = get("/actuator/prometheus", null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("jvm_memory_used_bytes").contains("application=\"fraud-service\"");
    }

    private ResponseEntity<String> get(String path, String authorization) {
        return http.get().uri(path)
                .headers(headers -> {
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                })
                .retrieve().toEntity(String.class);
    }
}
