package io.chainhub.notification.support;

import java.util.Map;

import io.chainhub.events.kafka.EventJson;
import io.chainhub.testsupport.TestInfrastructure;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** The service's REST API over real HTTP with test tokens; never throws on 4xx/5xx. */
public final class Api {

    private final RestClient http;
    private final String operator = TestInfrastructure.get().tokens().bearer("alice", "operator");

    public Api(int port) {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    public ResponseEntity<String> post(String path, Object body) {
        return post(path, body, Map.of());
    }

    public ResponseEntity<String> post(String path, Object body, Map<String, String> headers) {
        var spec = http.post().uri(path).header(HttpHeaders.AUTHORIZATION, operator);
        headers.forEach(spec::header);
        if (body != null) {
            spec.contentType(MediaType.APPLICATION_JSON).body(body instanceof String s ? s : EventJson.mapper().writeValueAsString(body));
        }
        return spec.retrieve().toEntity(String.class);
    }

    public ResponseEntity<String> postAs(String authorization, String path, Object body) {
        return http.post().uri(path).header(HttpHeaders.AUTHORIZATION, authorization)
                .contentType(MediaType.APPLICATION_JSON).body(EventJson.mapper().writeValueAsString(body))
                .retrieve().toEntity(String.class);
    }

    public ResponseEntity<String> put(String path, Object body) {
        return http.put().uri(path).header(HttpHeaders.AUTHORIZATION, operator)
                .contentType(MediaType.APPLICATION_JSON).body(EventJson.mapper().writeValueAsString(body))
                .retrieve().toEntity(String.class);
    }

    public ResponseEntity<String> get(String path) {
        return http.get().uri(path).header(HttpHeaders.AUTHORIZATION, operator).retrieve().toEntity(String.class);
    }

    public ResponseEntity<String> delete(String path) {
        return http.delete().uri(path).header(HttpHeaders.AUTHORIZATION, operator).retrieve().toEntity(String.class);
    }

    public static JsonNode json(ResponseEntity<String> response) {
        return EventJson.mapper().readTree(response.getBody());
    }

    /** Creates a subscription and returns the answer (id, webhook.secret). Fails the test on anything but 201. */
    public JsonNode createSubscription(Map<String, Object> body) {
        ResponseEntity<String> response = post("/api/subscriptions", body);
        if (response.getStatusCode().value() != 201) {
            throw new AssertionError("subscription not created: " + response.getStatusCode() + " " + response.getBody());
        }
        return json(response);
    }
}
