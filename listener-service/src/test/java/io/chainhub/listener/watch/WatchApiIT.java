package io.chainhub.listener.watch;

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

import static org.assertj.core.api.Assertions.assertThat;

@ChainHubIntegrationTest
class WatchApiIT {

    @LocalServerPort
    int port;

    private RestClient http;
    private final String operator = TestInfrastructure.get().tokens().bearer("alice", "operator");

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    @Test
    void shouldCreateOnceAndReturnSameWatchWhenRepeated() {
        String body = body("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "treasury");

        ResponseEntity<String> created = post(body, operator);
        ResponseEntity<String> repeated = post(body, operator);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).contains("\"address\":\"0x70997970c51812dc3a010c7d01b50e0d17dc79c8\"");
        assertThat(repeated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(id(repeated)).isEqualTo(id(created));
        assertThat(http.get().uri("/api/watches/" + id(created)).header(HttpHeaders.AUTHORIZATION, operator)
                .retrieve().toEntity(String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldAnswer409WhenSameWatchExistsWithOtherSettings() {
        String address = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
        post(body(address, "first"), operator);

        ResponseEntity<String> conflict = post(body(address, "second"), operator);

        assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(conflict.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldAnswer400ProblemWhenChecksumIsWrong() {
        ResponseEntity<String> response = post(body("0x70997970C51812dc3A010C7d01b50e0d17dc79c8", null), operator);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("address");
    }

    @Test
    void shouldAnswer403WhenViewerCreates() {
        ResponseEntity<String> response = post(body("0x" + "1".repeat(40), null),
                TestInfrastructure.get().tokens().bearer("victor", "viewer"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void shouldDeleteAndThen404() {
        String id = id(post(body("0x" + "2".repeat(40), null), operator));

        assertThat(http.delete().uri("/api/watches/" + id).header(HttpHeaders.AUTHORIZATION, operator)
                .retrieve().toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.delete().uri("/api/watches/" + id).header(HttpHeaders.AUTHORIZATION, operator)
                .retrieve().toEntity(String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<String> post(String body, String token) {
        return http.post().uri("/api/watches").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(String.class);
    }

    private static String body(String address, String label) {
        return "{\"chainId\":31337,\"kind\":\"ADDRESS\",\"address\":\"" + address + "\""
                + (label == null ? "" : ",\"label\":\"" + label + "\"") + "}";
    }

    private static String id(ResponseEntity<String> response) {
        String body = response.getBody();
        int start = body.indexOf("\"id\":\"") + 6;
        return body.substring(start, body.indexOf('"', start));
    }
}
