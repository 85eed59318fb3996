package io.chainhub.localstack.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.chainhub.localstack.demo.DemoApi.Service;
import tools.jackson.databind.JsonNode;

/** The local mail inbox (port 8025) read through its Mailpit-compatible {@code /api/v1/messages}. */
final class DemoInbox {

    private final DemoApi api;

    DemoInbox(DemoApi api) {
        this.api = api;
    }

    List<JsonNode> messagesTo(String address) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode message : api.get(Service.INBOX, "/api/v1/messages", null).path("messages")) {
            for (JsonNode to : message.path("To")) {
                if (to.path("Address").asString().equalsIgnoreCase(address)) {
                    found.add(message);
                }
            }
        }
        return found;
    }

    /** Waits for {@code count} mails to {@code address} and prints subject and link of each. */
    int show(String prefix, String address, int count, Duration timeout) {
        List<JsonNode> messages = Await.until(count + " email(s) to " + address, timeout,
                        "see the notification-service log (./chainhub logs notification-service) and " + api.url(Service.INBOX, "/"),
                        () -> {
                            List<JsonNode> now = messagesTo(address);
                            return now.size() >= count ? Optional.of(now) : Optional.empty();
                        })
                .orElseGet(() -> messagesTo(address));
        for (JsonNode message : messages) {
            System.out.printf("  [%s] email \"%s\" -> %s%n", prefix, message.path("Subject").asString(),
                    api.url(Service.INBOX, "/view/" + message.path("ID").asString()));
        }
        return messages.size();
    }
}
