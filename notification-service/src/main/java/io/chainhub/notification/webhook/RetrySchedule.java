package io.chainhub.notification.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try again: {@code delays[n]} is the wait before attempt n+1 (n from 0; the first is usually 0,
 * "immediately"), each multiplied by a random factor in [1 - jitter, 1 + jitter] so that retries of many
 * deliveries do not hit an endpoint together. A {@code Retry-After} answer pushes the next attempt to at
 * least that far (capped).
 */
public final class RetrySchedule {

    private final List<Duration> delays;
    private final double jitter;
    private final Duration maxRetryAfter;
    private final DoubleSupplier random;

    public RetrySchedule(List<Duration> delays, double jitter, Duration maxRetryAfter, DoubleSupplier random) {
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("the retry schedule needs at least one entry");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
        this.delays = List.copyOf(delays);
        this.jitter = jitter;
        this.maxRetryAfter = maxRetryAfter;
        this.random = random;
    }

    /** How many attempts a delivery gets at most. */
    public int maxAttempts() {
        return delays.size();
    }

    /**
     * @param attemptsMade attempts so far, including the one that just failed
     * @param retryAfter   the endpoint's Retry-After, or null
     * @return the wait before the next attempt, or empty when the schedule is exhausted
     */
    public Optional<Duration> next(int attemptsMade, Duration retryAfter) {
        if (attemptsMade >= delays.size()) {
            return Optional.empty();
        }
        Duration base = delays.get(attemptsMade);
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        Duration delay = Duration.ofMillis(Math.round(base.toMillis() * factor));
        if (retryAfter != null) {
            Duration honoured = retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
            if (honoured.compareTo(delay) > 0) {
                delay = honoured;
            }
        }
        return Optional.of(delay);
    }
}
