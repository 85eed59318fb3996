package io.chainhub.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;
import io.chainhub.notification.support.Api;
import io.chainhub.notification.support.Events;
import io.chainhub.notification.support.Signatures;
import io.chainhub.notification.support.WebhookReceiver;
import io.chainhub.notification.support.WebhookReceiver.Answer;
import io.chainhub.testsupport.ChainHubIntegrationTest;
import io.chainhub.testsupport.TestInfrastructure;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Transfers on the real broker reach a real HTTP receiver, signed, retried and isolated per endpoint. */
@ChainHubIntegrationTest
class WebhookDeliveryIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    @RegisterExtension
    static final WebhookReceiver RECEIVER = WebhookReceiver.start();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void shouldDeliverSignedWebhookWhenTransferMatches() {
        WebhookReceiver.Endpoint endpoint = RECEIVER.endpoint();
        String to = Events.randomAddress();
        JsonNode subscription = subscribe(endpoint, to, List.of("transfer.observed"));
        TransferEvent transfer = Events.transfer(Events.randomAddress(), to, Events.randomAddress(), "1500000");

        Events.get().publish(transfer);

        await().atMost(WAIT).until(() -> endpoint.received().size() == 1);
        WebhookReceiver.Received received = endpoint.received().getFirst();
        assertThat(Signatures.verifies(subscription.path("webhook").path("secret").asString(), received)).isTrue();
        assertThat(received.webhookId()).startsWith("msg_");
        assertThat(Long.parseLong(received.timestamp())).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        JsonNode body = Api.json(org.springframework.http.ResponseEntity.ok(received.body()));
        assertThat(body.path("type").asString()).isEqualTo("transfer.observed");
        assertThat(body.path("timestamp").asString()).isNotBlank();
        assertThat(body.path("data").path("eventId").asString()).isEqualTo(transfer.eventId());
        assertThat(body.path("data").path("value").asString()).isEqualTo("1500000");
    }

    @Test
    void shouldRetryWithSameWebhookIdWhenReceiverFailsTwice() {
        WebhookReceiver.Endpoint endpoint = RECEIVER.endpoint().script(Answer.status(500), Answer.status(500));
        String to = Events.randomAddress();
        JsonNode subscription = subscribe(endpoint, to, List.of("transfer.observed"));

        Events.get().publish(Events.transfer(Events.randomAddress(), to, Events.randomAddress(), "1"));

        await().atMost(WAIT).until(() -> endpoint.received().size() == 3);
        assertThat(endpoint.received()).extracting(WebhookReceiver.Received::webhookId).containsOnly(endpoint.received().getFirst().webhookId());
        String id = subscription.path("id").asString();
        await().atMost(WAIT).until(() -> Api.json(api.get("/api/subscriptions/" + id + "/deliveries")).path(0).path("status").asString().equals("SUCCEEDED"));
        JsonNode failedAttempts = Api.json(api.get("/api/subscriptions/" + id + "/attempts?outcome=FAILED"));
        assertThat(failedAttempts).hasSize(2);
        assertThat(failedAttempts.path(0).path("statusCode").asInt()).isEqualTo(500);
        assertThat(Api.json(api.get("/api/subscriptions/" + id + "/attempts"))).hasSize(3);
    }

    @Test
    void shouldDisableEndpointAndEmailOwnerWhenReceiverAnswers410() {
        WebhookReceiver.Endpoint endpoint = RECEIVER.endpoint().otherwise(Answer.status(410));
        String to = Events.randomAddress();
        String owner = "owner-" + System.nanoTime() + "@example.com";
        Map<String, Object> body = subscription(endpoint, to, List.of("transfer.observed"));
        body.put("ownerEmail", owner);
        String id = api.createSubscription(body).path("id").asString();

        Events.get().publish(Events.transfer(Events.randomAddress(), to, Events.randomAddress(), "1"));

        await().atMost(WAIT).until(() -> !Api.json(api.get("/api/subscriptions/" + id)).path("webhook").path("enabled").asBoolean());
        assertThat(endpoint.received()).hasSize(1);
        assertThat(Api.json(api.get("/api/subscriptions/" + id + "/deliveries")).path(0).path("status").asString()).isEqualTo("FAILED");
        await().atMost(WAIT).until(() -> TestInfrastructure.get().mail().messages().stream()
                .anyMatch(m -> m.to().stream().anyMatch(a -> a.address().equals(owner)) && m.subject().contains("disabled")));
    }

    @Test
    void shouldDeliverAgainWhenEndpointReEnabledAndFailedRecovered() {
        WebhookReceiver.Endpoint endpoint = RECEIVER.endpoint().script(Answer.status(410));
        String to = Events.randomAddress();
        String id = subscribe(endpoint, to, List.of("transfer.observed")).path("id").asString();
        Instant before = Instant.now().minusSeconds(5);
        Events.get().publish(Events.transfer(Events.randomAddress(), to, Events.randomAddress(), "1"));
        await().atMost(WAIT).until(() -> !Api.json(api.get("/api/subscriptions/" + id)).path("webhook").path("enabled").asBoolean());

        assertThat(api.post("/api/subscriptions/" + id + "/webhook/enable", null).getStatusCode().value()).isEqualTo(200);
        JsonNode recovered = Api.json(api.post("/api/subscriptions/" + id + "/recover?since=" + before, null));

        assertThat(recovered.path("recovered").asInt()).isEqualTo(1);
        await().atMost(WAIT).until(() -> endpoint.received().size() == 2);
        assertThat(endpoint.received().get(1).webhookId()).isEqualTo(endpoint.received().get(0).webhookId());
    }

    @Test
    void shouldReferenceOriginalWebhookIdWhenTransferReverted() {
        WebhookReceiver.Endpoint endpoint = RECEIVER.endpoint();
        String to = Events.randomAddress();
        subscribe(endpoint, to, List.of("transfer.observed", "transfer.reverted"));
        TransferEvent observed = Events.transfer(Events.randomAddress(), to, Events.randomAddress(), "7");
        Events.get().publish(observed);
        await().atMost(WAIT).until(() -> endpoint.received().size() == 1);

        Events.get().publish(observed.withStatus(TransferStatus.REVERTED, 0));

        await().atMost(WAIT).until(() -> endpoint.received().size() == 2);
        JsonNode reverted = Api.json(org.springframework.http.ResponseEntity.ok(endpoint.received().get(1).body()));
        assertThat(reverted.path("type").asString()).isEqualTo("transfer.reverted");
        assertThat(reverted.path("data").path("originalWebhookId").asString()).isEqualTo(endpoint.received().get(0).webhookId());
        assertThat(endpoint.received().get(1).webhookId()).isNotEqualTo(endpoint.received().get(0).webhookId());
    }

    @Test
    void shouldNotDelayOtherEndpointWhenOneHangs() {
        WebhookReceiver.Endpoint hanging = RECEIVER.endpoint().otherwise(new Answer(200, Map.of(), Duration.ofSeconds(30)));
        WebhookReceiver.Endpoint healthy = RECEIVER.endpoint();
        String to = Events.randomAddress();
        subscribe(hanging, to, List.of("transfer.observed"));
        subscribe(healthy, to, List.of("transfer.observed"));
        List<TransferEvent> transfers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            transfers.add(Events.transfer(Events.randomAddress(), to, Events.randomAddress(), Integer.toString(i + 1)));
        }

        Events.get().publish(transfers);

        await().atMost(WAIT).until(() -> healthy.received().size() == 20 && !hanging.received().isEmpty());
        Instant hangingFirst = hanging.received().getFirst().at();
        Instant healthyLast = healthy.received().stream().map(WebhookReceiver.Received::at).max(Instant::compareTo).orElseThrow();
        // every healthy delivery arrived before the first call to the hanging endpoint could even time out (1.5 s)
        assertThat(healthyLast).isBefore(hangingFirst.plusMillis(1500));
    }

    @Test
    void shouldHoldNewDeliveryWhenEndpointDisabledElsewhereAndIndexNotYetRefreshed() {
        WebhookReceiver.Endpoint endpoint = RECEIVER.endpoint();
        String to = Events.randomAddress();
        String id = subscribe(endpoint, to, List.of("transfer.observed")).path("id").asString();
        // disabled as by another instance, without touching updated_at: this instance's matching index keeps seeing
        // the endpoint enabled, so the ingest hands the new row to the dispatcher, which must read the state again
        jdbc.sql("UPDATE subscription SET webhook_enabled = FALSE, webhook_disabled_reason = 'test' WHERE id = ?::uuid")
                .param(id).update();

        Events.get().publish(Events.transfer(Events.randomAddress(), to, Events.randomAddress(), "1"));

        await().atMost(WAIT).until(() -> Api.json(api.get("/api/subscriptions/" + id + "/deliveries")).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> endpoint.received().isEmpty());
        JsonNode delivery = Api.json(api.get("/api/subscriptions/" + id + "/deliveries")).path(0);
        assertThat(delivery.path("status").asString()).isEqualTo("PENDING");
        assertThat(delivery.path("attempts").asInt()).isZero();
    }

    @Test
    void shouldHonourRetryAfterWhenReceiverAnswers429() {
        WebhookReceiver.Endpoint endpoint = RECEIVER.endpoint().script(new Answer(429, Map.of("Retry-After", "2"), Duration.ZERO));
        String to = Events.randomAddress();
        subscribe(endpoint, to, List.of("transfer.observed"));

        Events.get().publish(Events.transfer(Events.randomAddress(), to, Events.randomAddress(), "1"));

        await().atMost(WAIT).until(() -> endpoint.received().size() == 2);
        assertThat(Duration.between(endpoint.received().get(0).at(), endpoint.received().get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void shouldCountRedirectAsFailureWhenReceiverAnswers302() {
        WebhookReceiver.Endpoint elsewhere = RECEIVER.endpoint();
        WebhookReceiver.Endpoint endpoint = RECEIVER.endpoint().script(new Answer(302, Map.of("Location", elsewhere.url()), Duration.ZERO));
        String to = Events.randomAddress();
        String id = subscribe(endpoint, to, List.of("transfer.observed")).path("id").asString();

        Events.get().publish(Events.transfer(Events.randomAddress(), to, Events.randomAddress(), "1"));

        await().atMost(WAIT).until(() -> endpoint.received().size() == 2);
        assertThat(elsewhere.received()).isEmpty();
        JsonNode failed = Api.json(api.get("/api/subscriptions/" + id + "/attempts?outcome=FAILED"));
        assertThat(failed.path(0).path("statusCode").asInt()).isEqualTo(302);
        assertThat(failed.path(0).path("error").asString()).contains("redirects are not followed");
    }

    @Test
    void shouldSignWithOldAndNewSecretWhenRotated() {
        WebhookReceiver.Endpoint endpoint = RECEIVER.endpoint();
        String to = Events.randomAddress();
        JsonNode created = subscribe(endpoint, to, List.of("transfer.observed"));
        String oldSecret = created.path("webhook").path("secret").asString();

        JsonNode rotated = Api.json(api.post("/api/subscriptions/" + created.path("id").asString() + "/webhook/rotate-secret?graceSeconds=3600", null));
        String newSecret = rotated.path("webhook").path("secret").asString();
        Events.get().publish(Events.transfer(Events.randomAddress(), to, Events.randomAddress(), "1"));

        await().atMost(WAIT).until(() -> endpoint.received().size() == 1);
        WebhookReceiver.Received received = endpoint.received().getFirst();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        assertThat(received.signature().split(" ")).hasSize(2);
        assertThat(Signatures.verifies(newSecret, received)).isTrue();
        assertThat(Signatures.verifies(oldSecret, received)).isTrue();
    }

    @Test
    void shouldSendSameWebhookIdAgainWhenDeliveryResent() {
        WebhookReceiver.Endpoint endpoint = RECEIVER.endpoint();
        String to = Events.randomAddress();
        String id = subscribe(endpoint, to, List.of("transfer.observed")).path("id").asString();
        Events.get().publish(Events.transfer(Events.randomAddress(), to, Events.randomAddress(), "1"));
        await().atMost(WAIT).until(() -> endpoint.received().size() == 1);
        String deliveryId = Api.json(api.get("/api/subscriptions/" + id + "/deliveries")).path(0).path("id").asString();

        assertThat(api.post("/api/deliveries/" + deliveryId + "/resend", null).getStatusCode().value()).isEqualTo(202);

        await().atMost(WAIT).until(() -> endpoint.received().size() == 2);
        assertThat(endpoint.received().get(1).webhookId()).isEqualTo(endpoint.received().get(0).webhookId());
    }

    private JsonNode subscribe(WebhookReceiver.Endpoint endpoint, String address, List<String> types) {
        return api.createSubscription(subscription(endpoint, address, types));
    }

    static Map<String, Object> subscription(WebhookReceiver.Endpoint endpoint, String address, List<String> types) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", "test " + address.substring(0, 10));
        body.put("eventTypes", types);
        body.put("addresses", List.of(address));
        body.put("webhook", Map.of("url", endpoint.url()));
        return body;
    }
}
