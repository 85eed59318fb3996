package io.chainhub.notification.config;

import java.time.Duration;
import java.util.List;

import io.chainhub.events.fraud.AlertSeverity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything tunable of the notification service ({@code chainhub.notification.*}); the defaults
 * live in application.yml, tests compress the timings in src/test/resources/config/application.yml.
 *
 * @param indexRefresh how often the matching index checks the database for changes made by other instances
 */
@ConfigurationProperties("chainhub.notification")
public record NotificationProperties(Duration indexRefresh, Webhook webhook, Email email) {

    /**
     * @param retrySchedule      delay before each attempt; the first is usually 0 (immediately)
     * @param jitter             each delay is multiplied by a random factor in [1 - jitter, 1 + jitter]
     * @param timeout            a 2xx must arrive within this time
     * @param pollInterval       how often due deliveries are claimed
     * @param batchSize          deliveries claimed per poll
     * @param perEndpointBatch   at most this many deliveries of one endpoint per poll (fairness)
     * @param lease              a claimed delivery is re-sent after this if its sender died
     * @param disableAfter       an endpoint failing without success for this long is disabled
     * @param secretGracePeriod  default time the previous secret keeps signing after a rotation
     * @param maxConcurrentPerEndpoint bulkhead size per endpoint
     * @param ratePerSecond      rate limit per endpoint
     * @param circuitOpenFor     how long an endpoint's circuit stays open after repeated failures
     * @param maxRetryAfter      a Retry-After longer than this is capped
     * @param allowHttp          accept http:// URLs anywhere (otherwise only inside allowedNetworks)
     * @param allowedNetworks    CIDRs (or host names) that may be targeted although private/loopback
     */
    public record Webhook(List<Duration> retrySchedule, double jitter, Duration timeout, Duration pollInterval,
                          int batchSize, int perEndpointBatch, Duration lease, Duration disableAfter,
                          Duration secretGracePeriod, int maxConcurrentPerEndpoint, int ratePerSecond,
                          Duration circuitOpenFor, Duration maxRetryAfter, boolean allowHttp,
                          List<String> allowedNetworks) {
    }

    /**
     * @param from               sender address
     * @param digestInterval     throttled emails wait at most this long before going out as one digest
     * @param bypassDigestFrom   fraud alerts at or above this severity are always sent at once
     */
    public record Email(String from, Duration pollInterval, Duration digestInterval, AlertSeverity bypassDigestFrom) {
    }
}
