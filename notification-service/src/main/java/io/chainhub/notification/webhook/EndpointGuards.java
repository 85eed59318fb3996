package io.chainhub.notification.webhook;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.chainhub.notification.config.NotificationProperties;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;

import org.springframework.stereotype.Component;

/**
 * One circuit breaker, rate limiter and bulkhead per endpoint (resilience4j), none of them waiting:
 * a delivery that cannot get a permit is put back for later instead of holding a thread, so a slow or
 * dead endpoint only ever slows itself.
 */
@Component
class EndpointGuards {

    record Guards(CircuitBreaker circuitBreaker, RateLimiter rateLimiter, Bulkhead bulkhead) {
    }

    private final CircuitBreakerRegistry circuitBreakers;
    private final RateLimiterRegistry rateLimiters;
    private final BulkheadRegistry bulkheads;
    private final Duration circuitOpenFor;

    EndpointGuards(NotificationProperties properties) {
        NotificationProperties.Webhook webhook = properties.webhook();
        this.circuitOpenFor = webhook.circuitOpenFor();
        this.circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(80)
                .waitDurationInOpenState(webhook.circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                // the dispatcher claims nothing for an open circuit, so nothing would call it to move on
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build());
        this.rateLimiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(webhook.ratePerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build());
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(webhook.maxConcurrentPerEndpoint())
                .maxWaitDuration(Duration.ZERO)
                .build());
    }

    Guards of(UUID endpoint) {
        String name = endpoint.toString();
        return new Guards(circuitBreakers.circuitBreaker(name), rateLimiters.rateLimiter(name), bulkheads.bulkhead(name));
    }

    /** True unless the endpoint's circuit is open or half-open (an endpoint never called has a closed one). */
    boolean circuitClosed(UUID endpoint) {
        return circuitBreakers.find(endpoint.toString())
                .map(breaker -> breaker.getState() == CircuitBreaker.State.CLOSED).orElse(true);
    }

    /**
     * How many calls the circuit of each endpoint that is not closed admits at once: none while open, one
     * while half-open; endpoints with a closed circuit are not in the map.
     */
    Map<UUID, Integer> circuitLimits() {
        Map<UUID, Integer> limits = new HashMap<>();
        for (CircuitBreaker breaker : circuitBreakers.getAllCircuitBreakers()) {
            CircuitBreaker.State state = breaker.getState();
            if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN) {
                limits.put(UUID.fromString(breaker.getName()), 0);
            } else if (state == CircuitBreaker.State.HALF_OPEN) {
                limits.put(UUID.fromString(breaker.getName()), 1);
            }
        }
        return limits;
    }

    Duration circuitOpenFor() {
        return circuitOpenFor;
    }
}
