package io.chainhub.notification.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real HTTP server on a free loopback port standing in for subscribers' endpoints. Each
 * {@link #endpoint()} gets its own path, a script of answers (then 200 for ever) and a record of what
 * it received. A test class registers it as a static {@code @RegisterExtension} field: it stops after the
 * class's last test.
 */
public final class WebhookReceiver implements AutoCloseable, AfterAllCallback {

    /** One scripted answer: a status, optional headers, and how long to take. */
    public record Answer(int status, Map<String, String> headers, Duration delay) {
        public static Answer status(int status) {
            return new Answer(status, Map.of(), Duration.ZERO);
        }
    }

    public record Received(Instant at, String webhookId, String timestamp, String signature, String body) {
    }

    public final class Endpoint {
        private final String path;
        private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
        private final List<Received> received = new CopyOnWriteArrayList<>();
        private volatile Answer otherwise = Answer.status(200);

        private Endpoint(String path) {
            this.path = path;
        }

        public String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        /** Answers these first, in order, then {@link #otherwise}. */
        public Endpoint script(Answer... answers) {
            script.addAll(List.of(answers));
            return this;
        }

        public Endpoint otherwise(Answer answer) {
            otherwise = answer;
            return this;
        }

        public List<Received> received() {
            return List.copyOf(received);
        }

        private void handle(HttpExchange exchange) throws IOException {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(Instant.now(), exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body));
            Answer answer = script.poll();
            if (answer == null) {
                answer = otherwise;
            }
            if (!answer.delay().isZero()) {
                try {
                    Thread.sleep(answer.delay()); // the endpoint under test is slow on purpose
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
        }
    }

    private final HttpServer server;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", exchange -> {
                Endpoint endpoint = receiver.endpoints.get(exchange.getRequestURI().getPath());
                if (endpoint == null) {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                } else {
                    endpoint.handle(exchange);
                }
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Endpoint endpoint() {
        Endpoint endpoint = new Endpoint("/hooks/" + sequence.incrementAndGet());
        endpoints.put(endpoint.path, endpoint);
        return endpoint;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }
}
