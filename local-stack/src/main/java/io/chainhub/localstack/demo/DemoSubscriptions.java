package io.chainhub.localstack.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.chainhub.localstack.demo.DemoApi.Service;
import tools.jackson.databind.JsonNode;

/**
 * Creates the demo's notification subscriptions as alice (operator), each with a webhook on its own path
 * of the demo receiver and optionally an email, and pauses them when the demo ends: the receiver stops
 * with the demo, and a paused subscription matches nothing new, so no delivery retries into the void.
 */
final class DemoSubscriptions {

    /** A subscription made by the demo: its id and the receiver path its webhooks arrive on. */
    record Created(String id, String hook) {
    }

    private final DemoApi api;
    private final DemoWebhookReceiver receiver;
    private final List<Created> created = new ArrayList<>();

    DemoSubscriptions(DemoApi api, DemoWebhookReceiver receiver) {
        this.api = api;
        this.receiver = receiver;
    }

    /** {@code criteria}: the subscription body without its channels (see notification-service's README). */
    Created subscribe(String hook, Map<String, Object> criteria, String email) {
        Map<String, Object> body = new LinkedHashMap<>(criteria);
        body.put("webhook", Map.of("url", receiver.url(hook)));
        if (email != null) {
            body.put("email", email);
        }
        JsonNode answer = api.post(Service.NOTIFICATION, "/api/subscriptions", "alice", body,
                Map.of("Idempotency-Key", "demo-" + UUID.randomUUID()));
        receiver.trust(hook, answer.path("webhook").path("secret").asString()); // shown in this answer only
        Created subscription = new Created(answer.path("id").asString(), hook);
        created.add(subscription);
        System.out.printf("[notification] subscribed %-9s %s to %s%s -> webhook %s%n", hook, subscription.id(),
                criteria.get("eventTypes"), email == null ? "" : " + email " + email,
                receiver.url(hook));
        return subscription;
    }

    /** The attempts log of a subscription (REST), newest first. */
    JsonNode attempts(Created subscription) {
        return api.get(Service.NOTIFICATION, "/api/subscriptions/" + subscription.id() + "/attempts?limit=20", "viewer");
    }

    JsonNode deliveries(Created subscription) {
        return api.get(Service.NOTIFICATION, "/api/subscriptions/" + subscription.id() + "/deliveries?limit=20", "viewer");
    }

    void pauseAll() {
        for (Created subscription : created) {
            try {
                api.post(Service.NOTIFICATION, "/api/subscriptions/" + subscription.id() + "/pause", "alice", null);
            } catch (DemoApi.DemoApiException e) {
                System.out.println("[notification] could not pause " + subscription.id() + ": " + e.getMessage());
            }
        }
        if (!created.isEmpty()) {
            System.out.println("[notification] paused the demo's " + created.size()
                    + " subscriptions (their receiver stops with the demo); deliveries and attempts stay queryable");
        }
    }
}
