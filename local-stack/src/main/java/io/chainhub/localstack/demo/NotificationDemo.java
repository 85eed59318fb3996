package io.chainhub.localstack.demo;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * Notification part of the demo: before the scenario runs, subscribes the demo receiver and an email
 * address to confirmed ETH and ERC-20 transfers received by the scenario's alice; afterwards shows the
 * verified webhooks, the attempts log from the REST API and the mails in the inbox.
 */
final class NotificationDemo {

    static final String HOOK = "transfers";
    /** The scenario pays alice 1000 DEMO (ERC-20) and 1.5 ETH: two matches per channel. */
    private static final int EXPECTED = 2;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final DemoSubscriptions subscriptions;
    private final DemoWebhookReceiver receiver;
    private final DemoInbox inbox;
    private final String email;
    private DemoSubscriptions.Created subscription;

    NotificationDemo(DemoSubscriptions subscriptions, DemoWebhookReceiver receiver, DemoInbox inbox, String email) {
        this.subscriptions = subscriptions;
        this.receiver = receiver;
        this.inbox = inbox;
        this.email = email;
    }

    void subscribe(String alice) {
        subscription = subscriptions.subscribe(HOOK, Map.of(
                "name", "demo: ETH and ERC-20 received by alice",
                "eventTypes", List.of("transfer.confirmed"),
                "addresses", List.of(alice),
                "addressRole", "RECEIVER",
                "standards", List.of("NATIVE", "ERC20")), email);
    }

    void show() {
        System.out.println("[notification] waiting for the webhooks and emails of alice's confirmed transfers ...");
        Await.until(EXPECTED + " verified webhooks on /hooks/" + HOOK, WAIT,
                "see ./chainhub logs notification-service and GET /api/subscriptions/" + subscription.id() + "/attempts",
                () -> receiver.verified(HOOK).size() >= EXPECTED ? Optional.of(true) : Optional.empty());
        int emails = inbox.show("notification", email, EXPECTED, WAIT);
        printAttempts(subscriptions, subscription, "notification");
        System.out.printf("[notification] %d webhook deliveries verified, %d emails in the inbox%n",
                receiver.verified(HOOK).size(), emails);
    }

    /** The deliveries and their attempts as notification-service's REST API reports them. */
    static void printAttempts(DemoSubscriptions subscriptions, DemoSubscriptions.Created subscription, String prefix) {
        try {
            System.out.println("  [" + prefix + "] deliveries (GET /api/subscriptions/" + subscription.id() + "/deliveries):");
            Map<String, String> channels = new HashMap<>();
            for (JsonNode delivery : subscriptions.deliveries(subscription)) {
                channels.put(delivery.path("id").asString(), delivery.path("channel").asString());
                System.out.printf("    %-7s %-20s %-9s attempts %d  %s%n", delivery.path("channel").asString(),
                        delivery.path("eventType").asString(), delivery.path("status").asString(),
                        delivery.path("attempts").asInt(), delivery.path("webhookId").asString(""));
            }
            System.out.println("  [" + prefix + "] attempts log (GET /api/subscriptions/" + subscription.id() + "/attempts):");
            for (JsonNode attempt : subscriptions.attempts(subscription)) {
                String channel = channels.getOrDefault(attempt.path("deliveryId").asString(), "?");
                JsonNode status = attempt.path("statusCode");
                System.out.printf("    %s %-7s attempt %d %-9s %s in %d ms%s%n", attempt.path("attemptedAt").asString(),
                        channel, attempt.path("attempt").asInt(), attempt.path("outcome").asString(),
                        status.isNumber() ? "HTTP " + status.asInt() : channel.equals("EMAIL") ? "SMTP" : "no answer",
                        attempt.path("durationMs").asLong(),
                        attempt.path("error").isNull() || attempt.path("error").isMissingNode() ? ""
                                : " (" + attempt.path("error").asString() + ")");
            }
        } catch (DemoApi.DemoApiException e) {
            System.out.println("  [" + prefix + "] " + e.getMessage());
        }
    }
}
