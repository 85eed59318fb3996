package io.chainhub.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chainhub.notification.support.Api;
import io.chainhub.notification.support.Events;
import io.chainhub.testsupport.ChainHubIntegrationTest;
import io.chainhub.testsupport.TestInfrastructure;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** The subscriptions REST API over real HTTP and PostgreSQL. */
@ChainHubIntegrationTest
class SubscriptionApiIT {

    private static final String API = "/api/subscriptions";

    @LocalServerPort
    int port;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void shouldRevealSecretOnlyOnCreateWhenWebhookGiven() {
        ResponseEntity<String> created = api.post(API, valid());

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode body = Api.json(created);
        assertThat(body.path("webhook").path("secret").asString()).startsWith("whsec_");
        assertThat(created.getHeaders().getLocation()).hasToString(API + "/" + body.path("id").asString());
        JsonNode fetched = Api.json(api.get(API + "/" + body.path("id").asString()));
        assertThat(fetched.path("webhook").has("secret")).isFalse();
        assertThat(fetched.path("addressRole").asString()).isEqualTo("EITHER");
        assertThat(api.get(API).getBody()).doesNotContain("whsec_");
    }

    @Test
    void shouldStoreAddressesLowercaseWhenGivenChecksummed() {
        Map<String, Object> body = valid();
        body.put("addresses", List.of("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));

        JsonNode created = api.createSubscription(body);

        assertThat(created.path("addresses").path(0).asString()).isEqualTo("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
    }

    @Test
    void shouldAnswerOriginalWhenSameIdempotencyKeyAndBody() {
        Map<String, String> key = Map.of("Idempotency-Key", "k-" + System.nanoTime());
        Map<String, Object> body = valid();

        ResponseEntity<String> first = api.post(API, body, key);
        ResponseEntity<String> second = api.post(API, body, key);

        assertThat(second.getStatusCode().value()).isEqualTo(201);
        assertThat(second.getBody()).isEqualTo(first.getBody());
    }

    @Test
    void shouldAnswer422WhenSameIdempotencyKeyWithOtherBody() {
        Map<String, String> key = Map.of("Idempotency-Key", "k-" + System.nanoTime());
        api.post(API, valid(), key);
        Map<String, Object> other = valid();
        other.put("name", "something else");

        ResponseEntity<String> response = api.post(API, other, key);

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains("Idempotency-Key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data", "https://10.0.0.1/hook", "https://192.168.0.10/",
            "http://example.com/hook", "https://[fd00::1]/", "ftp://example.com/"})
    void shouldAnswer400WhenWebhookTargetUnsafe(String url) {
        Map<String, Object> body = valid();
        body.put("webhook", Map.of("url", url));

        ResponseEntity<String> response = api.post(API, body);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Api.json(response).path("detail").asString()).contains("webhook.url");
    }

    @Test
    void shouldListEveryBadFieldWhenRequestInvalid() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "");
        body.put("eventTypes", List.of("transfer.maybe"));
        body.put("addresses", List.of("0x1234"));
        body.put("minValue", "-5");
        body.put("email", "not-an-email");
        body.put("emailMaxPerHour", 0);

        ResponseEntity<String> response = api.post(API, body);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains("name").contains("eventTypes").contains("addresses").contains("minValue")
                .contains("email").contains("emailMaxPerHour");
    }

    @Test
    void shouldAnswer400WhenNoChannel() {
        Map<String, Object> body = valid();
        body.remove("webhook");
        body.remove("email");

        ResponseEntity<String> response = api.post(API, body);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(Api.json(response).path("detail").asString()).contains("channel");
    }

    @Test
    void shouldAnswer400WhenStandardUnknown() {
        Map<String, Object> body = valid();
        body.put("standards", List.of("ERC9999"));

        ResponseEntity<String> response = api.post(API, body);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldAnswer403WhenViewerCreates() {
        ResponseEntity<String> response = api.postAs(TestInfrastructure.get().tokens().bearer("viewer", "viewer"), API, valid());

        assertThat(response.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void shouldPauseResumeUpdateAndDelete() {
        String id = api.createSubscription(valid()).path("id").asString();

        assertThat(Api.json(api.post(API + "/" + id + "/pause", null)).path("status").asString()).isEqualTo("PAUSED");
        assertThat(Api.json(api.post(API + "/" + id + "/resume", null)).path("status").asString()).isEqualTo("ACTIVE");
        Map<String, Object> changed = valid();
        changed.put("name", "renamed");
        changed.put("minValue", "1000");
        JsonNode updated = Api.json(api.put(API + "/" + id, changed));
        assertThat(updated.path("name").asString()).isEqualTo("renamed");
        assertThat(updated.path("minValue").asString()).isEqualTo("1000");
        assertThat(api.delete(API + "/" + id).getStatusCode().value()).isEqualTo(204);
        assertThat(api.get(API + "/" + id).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void shouldAnswer404ProblemWhenSubscriptionUnknown() {
        ResponseEntity<String> response = api.get(API + "/00000000-0000-0000-0000-000000000000");

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static Map<String, Object> valid() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "treasury inflows");
        body.put("eventTypes", List.of("transfer.confirmed", "transfer.reverted"));
        body.put("addresses", List.of(Events.randomAddress()));
        body.put("webhook", Map.of("url", "http://127.0.0.1:9/hook"));
        body.put("email", "ops@example.com");
        return body;
    }
}
