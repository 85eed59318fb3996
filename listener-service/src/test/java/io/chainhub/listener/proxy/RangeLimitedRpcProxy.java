package io.chainhub.listener.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON-RPC HTTP endpoint in front of a node that behaves like a hosted provider with a range limit: an
 * {@code eth_getLogs} spanning more than {@code maxRange} blocks is refused with a realistic error
 * (alternately Infura's {@code -32005 query returned more than 10000 results} and geth's
 * {@code block range is too large}); everything else is forwarded unchanged.
 */
public final class RangeLimitedRpcProxy implements AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI target;
    private final int maxRange;
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();

    private RangeLimitedRpcProxy(URI target, int maxRange) throws IOException {
        this.target = target;
        this.maxRange = maxRange;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon().factory()));
        server.start();
    }

    public static RangeLimitedRpcProxy start(String nodeUrl, int maxRange) {
        try {
            return new RangeLimitedRpcProxy(URI.create(nodeUrl), maxRange);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the proxy", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** eth_getLogs calls refused for their range. */
    public int refused() {
        return refused.get();
    }

    /** eth_getLogs calls forwarded to the node. */
    public int served() {
        return served.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            JsonNode request = JSON.readTree(body);
            String refusal = request.isObject() ? refusal(request) : null;
            byte[] answer;
            int status = 200;
            if (refusal != null) {
                answer = refusal.getBytes(StandardCharsets.UTF_8);
            } else {
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(target)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
                answer = response.body();
                status = response.statusCode();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The error answer for a getLogs wider than the limit, or null to forward. */
    private String refusal(JsonNode request) {
        if (!"eth_getLogs".equals(request.path("method").asString())) {
            return null;
        }
        JsonNode filter = request.path("params").path(0);
        long from = quantity(filter.path("fromBlock").asString());
        long to = quantity(filter.path("toBlock").asString());
        if (to - from + 1 <= maxRange) {
            served.incrementAndGet();
            return null;
        }
        boolean infura = refused.incrementAndGet() % 2 == 1;
        String error = infura
                ? "{\"code\":-32005,\"message\":\"query returned more than 10000 results\"}"
                : "{\"code\":-32000,\"message\":\"block range is too large\"}";
        return "{\"jsonrpc\":\"2.0\",\"id\":" + request.path("id") + ",\"error\":" + error + "}";
    }

    private static long quantity(String hex) {
        return Long.parseLong(hex.substring(2), 16);
    }

    @Override
    public void close() {
        server.stop(0);
        client.close();
    }
}
