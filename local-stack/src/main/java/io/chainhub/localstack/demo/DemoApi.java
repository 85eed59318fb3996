package io.chainhub.localstack.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.chainhub.events.kafka.EventJson;
import io.chainhub.localstack.auth.JwtKeys;
import tools.jackson.databind.JsonNode;

/**
 * The services' REST APIs as the demo calls them: JSON in and out, a token of the named demo user on every
 * call, and a one-line {@link DemoApiException} (status and problem {@code detail}) for anything but 2xx.
 */
final class DemoApi implements AutoCloseable {

    /** The services' usual ports, shifted by the stack's offset. */
    enum Service {
        LISTENER(8081), NOTIFICATION(8082), FRAUD(8083), ANALYTICS(8084), SAGA(8085), INBOX(8025);

        private final int usualPort;

        Service(int usualPort) {
            this.usualPort = usualPort;
        }
    }

    private final int offset;
    private final JwtKeys keys;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DemoApi(int offset, JwtKeys keys) {
        this.offset = offset;
        this.keys = keys;
    }

    String url(Service service, String path) {
        return "http://localhost:" + (service.usualPort + offset) + path;
    }

    String token(String user) {
        return keys.mintForDemoUser(user);
    }

    JsonNode get(Service service, String path, String user) {
        return send(service, path, user, HttpRequest.newBuilder().GET(), Map.of());
    }

    JsonNode post(Service service, String path, String user, Object body) {
        return post(service, path, user, body, Map.of());
    }

    JsonNode post(Service service, String path, String user, Object body, Map<String, String> headers) {
        return send(service, path, user, HttpRequest.newBuilder().POST(json(body)), headers);
    }

    JsonNode put(Service service, String path, String user, Object body) {
        return send(service, path, user, HttpRequest.newBuilder().PUT(json(body)), Map.of());
    }

    private JsonNode send(Service service, String path, String user, HttpRequest.Builder request, Map<String, String> headers) {
        request.uri(URI.create(url(service, path))).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DemoApiException(service + " not reachable on " + url(service, "") + ": " + e
                    + " (is it up? ./chainhub status)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoApiException("interrupted");
        }
        String body = response.body() == null || response.body().isBlank() ? "{}" : response.body();
        if (response.statusCode() / 100 != 2) {
            String detail = body.startsWith("{") ? EventJson.mapper().readTree(body).path("detail").asString(body) : body;
            throw new DemoApiException(request.build().method() + " " + path + " -> " + response.statusCode() + ": " + detail);
        }
        return EventJson.mapper().readTree(body);
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        return body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(EventJson.mapper().writeValueAsString(body));
    }

    @Override
    public void close() {
        http.close();
    }

    /** A call that failed; the message is meant to be printed as is. */
    static final class DemoApiException extends RuntimeException {
        DemoApiException(String message) {
            super(message);
        }
    }
}
