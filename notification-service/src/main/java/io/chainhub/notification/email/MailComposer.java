package io.chainhub.notification.email;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.chainhub.notification.delivery.Delivery;
import io.chainhub.notification.subscription.Subscription;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** Subject, plain text and HTML of the three kinds of mail: one event, a digest, a disabled endpoint. */
@Component
class MailComposer {

    record Mail(String to, String subject, String text, String html) {
    }

    private final MailTemplates templates;

    MailComposer(MailTemplates templates) {
        this.templates = templates;
    }

    Mail event(Subscription subscription, Delivery delivery) {
        EventSummary summary = EventSummary.of(delivery.payload());
        String detailsText = summary.details().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue() + "\n").collect(Collectors.joining());
        String detailRows = summary.details().entrySet().stream()
                .map(e -> "<tr><td style=\"padding: 2px 12px 2px 0; color: #616e7c;\">" + HtmlUtils.htmlEscape(e.getKey())
                        + "</td><td><code>" + HtmlUtils.htmlEscape(e.getValue()) + "</code></td></tr>")
                .collect(Collectors.joining("\n"));
        Map<String, String> values = Map.of("title", summary.title(), "summary", summary.summary(),
                "details", detailsText, "detailRows", detailRows, "type", summary.type(),
                "webhookId", delivery.webhookId(), "subscriptionName", subscription.name(),
                "subscriptionId", subscription.id().toString());
        return new Mail(subscription.email(), "[ChainHub] " + summary.title(),
                templates.render("event.txt", values), templates.render("event.html", values));
    }

    Mail digest(Subscription subscription, List<Delivery> deliveries) {
        List<EventSummary> summaries = deliveries.stream().map(d -> EventSummary.of(d.payload())).toList();
        String textItems = summaries.stream().map(s -> "- " + s.title() + "\n  " + s.summary() + "\n")
                .collect(Collectors.joining());
        String htmlItems = summaries.stream()
                .map(s -> "<li><strong>" + HtmlUtils.htmlEscape(s.title()) + "</strong><br>" + HtmlUtils.htmlEscape(s.summary()) + "</li>")
                .collect(Collectors.joining("\n"));
        Map<String, String> text = Map.of("count", Integer.toString(deliveries.size()), "subscriptionName",
                subscription.name(), "subscriptionId", subscription.id().toString(),
                "maxPerHour", Integer.toString(subscription.emailMaxPerHour()), "items", textItems);
        Map<String, String> html = new java.util.HashMap<>(text);
        html.put("items", htmlItems);
        return new Mail(subscription.email(), "[ChainHub] Digest: " + deliveries.size() + " events for " + subscription.name(),
                templates.render("digest.txt", text), templates.render("digest.html", html));
    }

    Mail endpointDisabled(Subscription subscription, String reason) {
        Map<String, String> values = Map.of("subscriptionName", subscription.name(), "subscriptionId",
                subscription.id().toString(), "url", subscription.webhook() == null ? "" : subscription.webhook().url(),
                "reason", reason);
        return new Mail(subscription.contactEmail(), "[ChainHub] Webhook endpoint disabled: " + subscription.name(),
                templates.render("endpoint-disabled.txt", values), null);
    }
}
