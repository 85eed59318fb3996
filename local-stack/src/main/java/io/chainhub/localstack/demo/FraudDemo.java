package io.chainhub.localstack.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.chainhub.devchain.DevChain;
import io.chainhub.devchain.TxResult;
import io.chainhub.localstack.demo.DemoApi.Service;
import org.web3j.crypto.Credentials;
import tools.jackson.databind.JsonNode;

/**
 * Fraud part of the demo: a fresh "suspect" wallet pays an address the demo puts on the {@code watchlist}
 * list (rule {@code watchlist}, CRITICAL) and then moves 150 ETH (rule {@code large-transfer}, threshold
 * 100 ETH, MEDIUM). Shows the alerts from fraud-service's REST API and the webhooks and emails that
 * notification-service sent for them (subscribed to {@code fraud.alert} on the suspect before the transfers).
 */
final class FraudDemo {

    static final String HOOK = "fraud";
    private static final Set<String> EXPECTED_RULES = Set.of("watchlist", "large-transfer");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final DemoApi api;
    private final DemoSubscriptions subscriptions;
    private final DemoWebhookReceiver receiver;
    private final DemoInbox inbox;
    private final String email;
    private final String listed = DemoWallets.freshAddress();
    private Credentials suspect;
    private DemoSubscriptions.Created subscription;

    FraudDemo(DemoApi api, DemoSubscriptions subscriptions, DemoWebhookReceiver receiver, DemoInbox inbox, String email) {
        this.api = api;
        this.subscriptions = subscriptions;
        this.receiver = receiver;
        this.inbox = inbox;
        this.email = email;
    }

    void subscribe(DevChain chain) {
        suspect = DemoWallets.funded(chain, 1_000);
        subscription = subscriptions.subscribe(HOOK, Map.of(
                "name", "demo: fraud alerts about " + suspect.getAddress(),
                "eventTypes", List.of("fraud.alert"),
                "addresses", List.of(suspect.getAddress())), email);
    }

    void run(DevChain chain) {
        api.put(Service.FRAUD, "/api/watchlists/watchlist/addresses/" + listed, "alice", Map.of("label", "demo: listed counterparty"));
        System.out.println("[fraud] put " + listed + " on the watchlist (PUT /api/watchlists/watchlist/addresses/...)");
        TxResult watchlisted = chain.sendEth(suspect, listed, DemoWallets.wei("1"));
        System.out.printf("[fraud] suspect %s sent 1 ETH to the listed address: tx %s%n", suspect.getAddress(), watchlisted.txHash());
        TxResult large = chain.sendEth(suspect, DemoWallets.freshAddress(), DemoWallets.wei("150"));
        System.out.printf("[fraud] suspect sent 150 ETH (large-transfer threshold: 100 ETH): tx %s%n", large.txHash());
        chain.mine(2);

        System.out.println("[fraud] waiting for the alerts (GET /api/alerts?subject=...) ...");
        List<JsonNode> alerts = Await.until("alerts " + EXPECTED_RULES + " about " + suspect.getAddress(), WAIT,
                        "see ./chainhub logs fraud-service (rules: GET /api/rules)", () -> {
                            List<JsonNode> now = alerts();
                            return rules(now).containsAll(EXPECTED_RULES) ? Optional.of(now) : Optional.empty();
                        })
                .orElseGet(this::alertsOrNone);
        for (JsonNode alert : alerts) {
            System.out.printf("  [fraud] alert %-14s %-8s %-5s %s%n", alert.path("ruleId").asString(),
                    alert.path("severity").asString(), alert.path("status").asString(), alert.path("summary").asString());
        }
        Await.until(EXPECTED_RULES.size() + " fraud.alert webhooks", WAIT, "see ./chainhub logs notification-service",
                () -> receiver.verified(HOOK).size() >= EXPECTED_RULES.size() ? Optional.of(true) : Optional.empty());
        int emails = inbox.show("fraud", email, EXPECTED_RULES.size(), WAIT);
        NotificationDemo.printAttempts(subscriptions, subscription, "fraud");
        System.out.printf("[fraud] %d alerts raised (%s), %d fraud.alert webhooks verified, %d emails in the inbox%n",
                alerts.size(), String.join(", ", rules(alerts)), receiver.verified(HOOK).size(), emails);
    }

    private List<JsonNode> alerts() {
        List<JsonNode> found = new ArrayList<>();
        api.get(Service.FRAUD, "/api/alerts?subject=" + suspect.getAddress(), "viewer").forEach(found::add);
        return found;
    }

    private List<JsonNode> alertsOrNone() {
        try {
            return alerts();
        } catch (DemoApi.DemoApiException e) {
            System.out.println("[fraud] " + e.getMessage());
            return List.of();
        }
    }

    private static Set<String> rules(List<JsonNode> alerts) {
        Set<String> rules = new TreeSet<>();
        alerts.forEach(alert -> rules.add(alert.path("ruleId").asString()));
        return rules;
    }
}
