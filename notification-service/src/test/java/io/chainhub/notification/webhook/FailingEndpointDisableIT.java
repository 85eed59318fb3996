package io.chainhub.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.localstack.mail.MailMessage;
import io.chainhub.notification.support.Api;
import io.chainhub.notification.support.Events;
import io.chainhub.notification.support.WebhookReceiver;
import io.chainhub.notification.support.WebhookReceiver.Answer;
import io.chainhub.testsupport.ChainHubIntegrationTest;
import io.chainhub.testsupport.TestInfrastructure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * An endpoint that fails for longer than {@code disable-after} is disabled and its owner emailed; nothing is
 * sent to it while disabled; re-enabling over REST sends what waited. Its own context: the failing period is
 * compressed to 2 s, with retries every 400 ms so that one delivery outlives it.
 */
@ChainHubIntegrationTest(properties = {"chainhub.notification.webhook.disable-after=2s",
        "chainhub.notification.webhook.retry-schedule=0s,400ms,400ms,400ms,400ms,400ms,400ms,400ms,400ms,400ms,400ms,400ms"})
class FailingEndpointDisableIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    @RegisterExtension
    static final WebhookReceiver RECEIVER = WebhookReceiver.start();

    @LocalServerPort
    int port;

    @Test
    void shouldDisableEndpointEmailOwnerAndHoldDeliveriesWhenFailingLongerThanDisableAfter() {
        Api api = new Api(port);
        WebhookReceiver.Endpoint endpoint = RECEIVER.endpoint().otherwise(Answer.status(500));
        String to = Events.randomAddress();
        String owner = "owner-" + System.nanoTime() + "@example.com";
        String id = api.createSubscription(Map.of("name", "always failing", "eventTypes", List.of("transfer.observed"),
                "addresses", List.of(to), "webhook", Map.of("url", endpoint.url()), "ownerEmail", owner)).path("id").asString();

        Events.get().publish(Events.transfer(Events.randomAddress(), to, Events.randomAddress(), "1"));

        await().atMost(WAIT).until(() -> !webhook(api, id).path("enabled").asBoolean());
        JsonNode disabled = webhook(api, id);
        assertThat(disabled.path("disabledReason").asString()).contains("failed every attempt since");
        assertThat(endpoint.received()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(endpoint.received()).extracting(WebhookReceiver.Received::webhookId).containsOnly(endpoint.received().getFirst().webhookId());
        MailMessage mail = await().atMost(WAIT).until(() -> mailTo(owner), m -> m != null);
        assertThat(mail.subject()).contains("disabled");
        assertThat(mail.text()).contains(endpoint.url()).contains("failed every attempt since").contains("/webhook/enable");

        // while disabled, a new matching event becomes a delivery that waits: no request reaches the endpoint
        int sentBeforeDisable = endpoint.received().size();
        TransferEvent later = Events.transfer(Events.randomAddress(), to, Events.randomAddress(), "2");
        Events.get().publish(later);
        await().atMost(WAIT).until(() -> deliveries(api, id).size() == 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> endpoint.received().size() == sentBeforeDisable);
        assertThat(deliveries(api, id)).allSatisfy(d -> assertThat(d.path("status").asString()).isEqualTo("PENDING"));
        JsonNode waiting = deliveries(api, id).path(0); // newest first
        assertThat(waiting.path("payload").asString()).contains(later.eventId());
        assertThat(waiting.path("attempts").asInt()).isZero();

        // the receiver is fixed and the operator re-enables the endpoint: both waiting deliveries go out
        endpoint.otherwise(Answer.status(200));
        assertThat(api.post("/api/subscriptions/" + id + "/webhook/enable", null).getStatusCode().value()).isEqualTo(200);

        await().atMost(WAIT).until(() -> deliveries(api, id).findValues("status").stream()
                .allMatch(s -> s.asString().equals("SUCCEEDED")));
        assertThat(webhook(api, id).path("enabled").asBoolean()).isTrue();
        assertThat(endpoint.received().stream().map(WebhookReceiver.Received::body))
                .anyMatch(body -> body.contains(later.eventId()));
    }

    private static JsonNode webhook(Api api, String id) {
        return Api.json(api.get("/api/subscriptions/" + id)).path("webhook");
    }

    private static JsonNode deliveries(Api api, String id) {
        return Api.json(api.get("/api/subscriptions/" + id + "/deliveries"));
    }

    private static MailMessage mailTo(String address) {
        return TestInfrastructure.get().mail().messages().stream()
                .filter(m -> m.to().stream().anyMatch(a -> a.address().equals(address)))
                .findFirst().orElse(null);
    }
}
