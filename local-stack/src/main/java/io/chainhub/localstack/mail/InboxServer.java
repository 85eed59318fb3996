package io.chainhub.localstack.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbox over HTTP: HTML pages for people, and the subset of Mailpit's API that tests use
 * ({@code GET/DELETE /api/v1/messages}, {@code GET /api/v1/message/{ID}}) with Mailpit's field
 * names, so a test reads mail the same way from this sink and from Mailpit in docker compose.
 */
final class InboxServer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final MailSink sink;

    private InboxServer(HttpServer server, MailSink sink) {
        this.server = server;
        this.sink = sink;
    }

    static InboxServer start(int port, MailSink sink) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            InboxServer inbox = new InboxServer(server, sink);
            server.createContext("/", inbox::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return inbox;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the mail inbox on port " + port, e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/api/v1/messages") && method.equals("DELETE")) {
                sink.deleteAll();
                send(exchange, 200, "application/json", "{}");
            } else if (path.equals("/api/v1/messages")) {
                List<MailMessage> messages = sink.messages();
                send(exchange, 200, "application/json", JSON.writeValueAsString(Map.of(
                        "total", messages.size(), "count", messages.size(), "unread", 0, "start", 0,
                        "messages", messages.stream().map(InboxServer::summary).toList())));
            } else if (path.startsWith("/api/v1/message/")) {
                sink.message(path.substring("/api/v1/message/".length())).ifPresentOrElse(
                        m -> send(exchange, 200, "application/json", JSON.writeValueAsString(detail(m))),
                        () -> send(exchange, 404, "application/json", "{\"error\":\"no such message\"}"));
            } else if (path.equals("/")) {
                send(exchange, 200, "text/html", InboxPages.list(sink.messages()));
            } else if (path.startsWith("/view/") && path.endsWith("/body.html")) {
                String id = path.substring("/view/".length(), path.length() - "/body.html".length());
                sink.message(id).ifPresentOrElse(m -> {
                    // Mail HTML is untrusted: the browser renders it without scripts or same-origin rights.
                    exchange.getResponseHeaders().add("Content-Security-Policy", "sandbox");
                    send(exchange, 200, "text/html", m.html());
                }, () -> send(exchange, 404, "text/plain", "no such message"));
            } else if (path.startsWith("/view/")) {
                sink.message(path.substring("/view/".length())).ifPresentOrElse(
                        m -> send(exchange, 200, "text/html", InboxPages.message(m)),
                        () -> send(exchange, 404, "text/html", InboxPages.notFound()));
            } else {
                send(exchange, 404, "text/plain", "not found");
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain", "inbox error: " + e.getMessage());
        }
    }

    private static Map<String, Object> summary(MailMessage m) {
        Map<String, Object> json = common(m);
        json.put("Created", m.created().toString());
        json.put("Snippet", m.snippet());
        return json;
    }

    private static Map<String, Object> detail(MailMessage m) {
        Map<String, Object> json = common(m);
        json.put("Date", m.created().toString());
        json.put("Text", m.text());
        json.put("HTML", m.html());
        return json;
    }

    private static Map<String, Object> common(MailMessage m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ID", m.id());
        json.put("MessageID", m.messageId());
        json.put("From", address(m.from()));
        json.put("To", m.to().stream().map(InboxServer::address).toList());
        json.put("Cc", m.cc().stream().map(InboxServer::address).toList());
        json.put("Subject", m.subject());
        json.put("Size", m.size());
        return json;
    }

    private static Map<String, String> address(MailMessage.MailAddress a) {
        return Map.of("Name", a.name(), "Address", a.address());
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) {
        try {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
