package io.chainhub.listener.ingest;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Live progress of one chain's follower, read by the REST API and metrics. */
public final class ChainStatus {

    private final AtomicLong head = new AtomicLong(-1);
    private final AtomicLong lastProcessed = new AtomicLong(-1);
    private final AtomicLong eventsPublished = new AtomicLong();
    private final AtomicLong reorgs = new AtomicLong();
    private volatile Instant checkpointAt;
    private volatile String lastError;

    void head(long number) {
        head.set(number);
    }

    void published(long lastBlock, int events) {
        lastProcessed.set(lastBlock);
        eventsPublished.addAndGet(events);
        checkpointAt = Instant.now();
        lastError = null;
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
