package io.chainhub.listener.ingest;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the follower when a node announces a new head (websocket), so live latency does not depend on
 * the polling interval; the interval remains the fallback when no announcement comes.
 */
public final class HeadSignal {

    private final BlockingQueue<Boolean> pending = new ArrayBlockingQueue<>(1);

    public void newHead() {
        pending.offer(Boolean.TRUE); // one pending wake-up is enough: the follower reads the head itself
    }

    /** Returns when a head was announced or the timeout passed, whichever comes first. */
    public void await(Duration timeout) throws InterruptedException {
        pending.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
