package io.chainhub.listener.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;

/** Live progress of one chain's follower, read by the REST API and metrics. */
public final class ChainStatus {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final AtomicLong head = new AtomicLong(-1);
    private final AtomicLong lastProcessed = new AtomicLong(-1);
    private final AtomicLong eventsPublished = new AtomicLong();
    private final AtomicLong reorgs = new AtomicLong();
    private volatile Instant checkpointAt;
    private volatile String lastError;
    /** Whether the follower has loaded its checkpoint or pinned its fresh start: from then on no block is missed. */
    private volatile boolean following;
    /** (epoch millis, cumulative events) samples of the last minute, for events per second. */
    private final Deque<long[]> samples = new ArrayDeque<>();

    void head(long number) {
        head.set(number);
    }

    void published(long lastBlock, int events) {
        lastProcessed.set(lastBlock);
        long total = eventsPublished.addAndGet(events);
        checkpointAt = Instant.now();
        lastError = null;
        synchronized (samples) {
            samples.addLast(new long[] {checkpointAt.toEpochMilli(), total});
            prune(checkpointAt.toEpochMilli());
        }
    }

    public double eventsPerSecond() {
        long now = System.currentTimeMillis();
        synchronized (samples) {
            prune(now);
            if (samples.isEmpty()) {
                return 0;
            }
            long events = eventsPublished.get() - samples.getFirst()[1];
            return events / (double) WINDOW.toSeconds();
        }
    }

    private void prune(long now) {
        while (!samples.isEmpty() && samples.getFirst()[0] < now - WINDOW.toMillis()) {
            samples.removeFirst();
        }
    }

    void following() {
        following = true;
    }

    public boolean isFollowing() {
        return following;
    }

    void reorg() {
        reorgs.incrementAndGet();
    }

    void failed(String error) {
        lastError = error;
    }

    public long head() {
        return head.get();
    }

    public long lastProcessed() {
        return lastProcessed.get();
    }

    public long eventsPublished() {
        return eventsPublished.get();
    }

    public long reorgs() {
        return reorgs.get();
    }

    public Instant checkpointAt() {
        return checkpointAt;
    }

    public String lastError() {
        return lastError;
    }

    public long lag() {
        return head() < 0 || lastProcessed() < 0 ? 0 : Math.max(0, head() - lastProcessed());
    }
}
