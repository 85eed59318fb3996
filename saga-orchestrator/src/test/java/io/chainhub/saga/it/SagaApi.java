package io.chainhub.saga.it;

import java.util.Map;

import io.chainhub.events.kafka.EventJson;
import io.chainhub.testsupport.TestInfrastructure;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** The orchestrator's REST API as users call it: real HTTP, real tokens. */
public final class SagaApi {

    private final RestClient http;

    public SagaApi(int port) {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    public record Answer(int status, JsonNode body, String contentType) {
        public String text(String field) {
            return body.path(field).asString();
        }
    }

    public Answer get(String path, String user, String... roles) {
        return answer(http.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(user, roles))
                .retrieve().toEntity(String.class));
    }

    public Answer post(String path, Object body, String user, String... roles) {
        return post(path, body, Map.of(), user, roles);
    }

    public Answer post(String path, Object body, Map<String, String> headers, String user, String... roles) {
        var spec = http.post().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(user, roles))
                .headers(h -> headers.forEach(h::set));
        if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(EventJson.mapper().writeValueAsString(body));
        }
        return answer(spec.retrieve().toEntity(String.class));
    }

    private static String bearer(String user, String... roles) {
        return TestInfrastructure.get().tokens().bearer(user, roles);
    }

    private static Answer answer(ResponseEntity<String> response) {
        JsonNode body = response.getBody() == null ? EventJson.mapper().missingNode()
                : EventJson.mapper().readTree(response.getBody());
        MediaType type = response.getHeaders().getContentType();
        return new Answer(response.getStatusCode().value(), body, type == null ? null : type.toString());
    }
}
