package io.chainhub.fraud.it;

import io.chainhub.events.kafka.EventJson;
import io.chainhub.testsupport.TestInfrastructure;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** The service's REST API over real HTTP, as alice (operator). */
final class Api {

    private final RestClient http;

    Api(int port) {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestInfrastructure.get().tokens().bearer("alice", "operator"))
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    ResponseEntity<String> get(String path) {
        return http.get().uri(path).retrieve().toEntity(String.class);
    }

    JsonNode getJson(String path) {
        return EventJson.mapper().readTree(get(path).getBody());
    }

    ResponseEntity<String> put(String path, String json) {
        return http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).retrieve().toEntity(String.class);
    }

    ResponseEntity<String> post(String path, String json) {
        if (json == null) {
            return http.post().uri(path).retrieve().toEntity(String.class);
        }
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).retrieve().toEntity(String.class);
    }

    ResponseEntity<String> postCsv(String path, String csv) {
        return http.post().uri(path).contentType(MediaType.parseMediaType("text/csv")).body(csv).retrieve()
                .toEntity(String.class);
    }

    static JsonNode json(ResponseEntity<String> response) {
        return EventJson.mapper().readTree(response.getBody());
    }
}
