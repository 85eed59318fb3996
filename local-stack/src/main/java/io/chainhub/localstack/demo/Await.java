package io.chainhub.localstack.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Polling with a deadline for the demo's waits. On timeout it prints one line saying what did not happen
 * and where to look, and the demo carries on with what it has (a demo that hangs teaches nothing).
 */
final class Await {

    private static final Duration POLL = Duration.ofMillis(250);

    private Await() {
    }

    /**
     * Polls {@code probe} until it returns a value, for at most {@code timeout}. A probe that throws counts
     * as "not yet" (a service may still be catching up); the last failure is shown in the hint.
     */
    static <T> Optional<T> until(String what, Duration timeout, String hint, Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(timeout);
        RuntimeException lastFailure = null;
        while (true) {
            try {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value;
                }
            } catch (RuntimeException e) {
                lastFailure = e;
            }
            if (Instant.now().isAfter(deadline)) {
                System.out.println("[demo] TIMEOUT after " + timeout.toSeconds() + " s waiting for " + what + ": " + hint
                        + (lastFailure == null ? "" : " (last error: " + lastFailure.getMessage() + ")"));
                return Optional.empty();
            }
            pause();
        }
    }

    static void pause() {
        try {
            Thread.sleep(POLL); // the poll interval between probes, not a stand-in for a condition
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
