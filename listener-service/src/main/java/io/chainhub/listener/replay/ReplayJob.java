package io.chainhub.listener.replay;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** A running or finished replay, as {@code GET /api/chains/{chainId}/replays/{id}} shows it. */
public final class ReplayJob {

    public enum State { RUNNING, COMPLETED, FAILED }

    private final UUID id = UUID.randomUUID();
    private final long chainId;
    private final long fromBlock;
    private final long toBlock;
    private final String topic;
    private final Instant startedAt = Instant.now();
    private final AtomicLong lastBlock;
    private final AtomicLong events = new AtomicLong();
    private volatile State state = State.RUNNING;
    private volatile String error;

    ReplayJob(long chainId, long fromBlock, long toBlock, String topic) {
        this.chainId = chainId;
        this.fromBlock = fromBlock;
        this.toBlock = toBlock;
        this.topic = topic;
        this.lastBlock = new AtomicLong(fromBlock - 1);
    }

    void progressed(long block, int published) {
        lastBlock.set(block);
        events.addAndGet(published);
    }

    void finished(String failure) {
        error = failure;
        state = failure == null ? State.COMPLETED : State.FAILED;
    }

    public UUID getId() { return id; }
    public long getChainId() { return chainId; }
    public long getFromBlock() { return fromBlock; }
    public long getToBlock() { return toBlock; }
    public String getTopic() { return topic; }
    public Instant getStartedAt() { return startedAt; }
    public long getLastBlock() { return lastBlock.get(); }
    public long getEvents() { return events.get(); }
    public State getState() { return state; }
    public String getError() { return error; }

    public int getPercent() {
        long total = toBlock - fromBlock + 1;
        return (int) (100 * (lastBlock.get() - fromBlock + 1) / Math.max(1, total));
    }
}
