package io.chainhub.localstack.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.chainhub.events.kafka.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * The demo's webhook endpoint: a JDK HTTP server on a free loopback port with one path per subscription
 * ({@code /hooks/NAME}). It verifies each request's Standard Webhooks signature with that subscription's
 * secret, rejects stale timestamps and bad signatures with 401, prints every verified delivery once (the
 * {@code webhook-id} is the dedup key: a retry is acknowledged but not counted again) and answers 204.
 */
final class DemoWebhookReceiver implements AutoCloseable {

    /** Standard Webhooks' recommended tolerance against replayed requests. */
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    record Delivery(String hook, String webhookId, String type, JsonNode data) {
    }

    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Set<String> seenIds = ConcurrentHashMap.newKeySet();
    private final List<Delivery> verified = new CopyOnWriteArrayList<>();
    private volatile int rejected;

    DemoWebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the demo webhook receiver", e);
        }
        server.createContext("/hooks/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** The URL to subscribe for {@code hook}; its secret follows with {@link #trust} once the subscription exists. */
    String url(String hook) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + hook;
    }

    void trust(String hook, String secret) {
        secrets.put(hook, secret);
    }

    List<Delivery> verified(String hook) {
        return verified.stream().filter(d -> d.hook().equals(hook)).toList();
    }

    int rejected() {
        return rejected;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String hook = exchange.getRequestURI().getPath().substring("/hooks/".length());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            String secret = secrets.get(hook);
            if (secret == null) {
                // The subscription's answer (with the secret) is not processed yet: ask for a retry.
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            if (!fresh(timestamp) || !StandardWebhookSignature.verify(secret, id, timestamp, body, signature)) {
                rejected++;
                System.out.println("  [webhook " + hook + "] REJECTED " + id + ": signature or timestamp invalid");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (seenIds.add(id)) {
                JsonNode json = EventJson.mapper().readTree(body);
                Delivery delivery = new Delivery(hook, id, json.path("type").asString(), json.path("data"));
                verified.add(delivery);
                System.out.println("  [webhook " + hook + "] verified " + delivery.type() + " " + id + " " + DemoText.describe(delivery));
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private static boolean fresh(String timestamp) {
        try {
            long seconds = Long.parseLong(timestamp);
            return Math.abs(Instant.now().getEpochSecond() - seconds) <= TOLERANCE.toSeconds();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
