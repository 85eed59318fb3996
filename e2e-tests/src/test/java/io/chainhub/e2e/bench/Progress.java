package io.chainhub.e2e.bench;

import java.time.Duration;
import java.time.Instant;

/** Prints done/total every few seconds while a phase runs, and notices when nothing moves any more. */
final class Progress {

    private static final Duration EVERY = Duration.ofSeconds(5);

    private final String what;
    private final Instant start = Instant.now();
    private Instant lastPrint = Instant.EPOCH;
    private int lastDone = -1;
    private Instant lastChange = Instant.now();

    Progress(String what) {
        this.what = what;
    }

    void report(int done, int total) {
        report(done, total, "");
    }

    synchronized void report(int done, int total, String more) {
        Instant now = Instant.now();
        if (done != lastDone) {
            lastDone = done;
            lastChange = now;
        }
        if (Duration.between(lastPrint, now).compareTo(EVERY) >= 0 || done == total) {
            lastPrint = now;
            System.out.printf("  %6.1f s  %s %d/%d %s%n", Duration.between(start, now).toMillis() / 1000.0, what, done, total, more);
        }
    }

    /** A run that stopped moving fails with what it reached, instead of waiting out the whole deadline. */
    synchronized void failIfStalled(int done, Duration patience) {
        if (Duration.between(lastChange, Instant.now()).compareTo(patience) > 0) {
            throw new AssertionError(what + " stuck at " + done + " for " + patience);
        }
    }
}
