package io.chainhub.notification.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.chainhub.notification.config.NotificationProperties;

import org.springframework.stereotype.Component;

/** One signed POST per Standard Webhooks: {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}. */
@Component
class WebhookSender {

    private final HttpClient http;
    private final SsrfGuard ssrf;
    private final Duration timeout;
    private final Clock clock;

    WebhookSender(HttpClient webhookHttpClient, SsrfGuard ssrf, NotificationProperties properties, Clock clock) {
        this.http = webhookHttpClient;
        this.ssrf = ssrf;
        this.timeout = properties.webhook().timeout();
        this.clock = clock;
    }

    SendResult send(String url, List<String> secrets, String webhookId, String body) {
        long started = System.nanoTime();
        try {
            URI target = ssrf.check(url); // again at send time: DNS may point elsewhere now
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(target)
                    .timeout(timeout)
                    .header("content-type", "application/json")
                    .header("user-agent", "ChainHub-Webhooks/1.0")
                    .header("webhook-id", webhookId)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.header(secrets, webhookId, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new SendResult.Answered(response.statusCode(),
                    retryAfter(response.headers().firstValue("retry-after").orElse(null)), elapsed(started));
        } catch (UnsafeWebhookUrlException e) {
            return new SendResult.NoAnswer("refused target: " + e.getMessage(), elapsed(started));
        } catch (IOException e) {
            return new SendResult.NoAnswer(e.getClass().getSimpleName() + ": " + e.getMessage(), elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.NoAnswer("interrupted", elapsed(started));
        }
    }

    /** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
    Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
