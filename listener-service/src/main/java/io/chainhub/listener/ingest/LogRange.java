package io.chainhub.listener.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many blocks one {@code eth_getLogs} call may span on a chain. Providers cap the range or the result
 * size, each differently and without saying so up front: the range halves when a node refuses one, and
 * doubles back (up to {@code max}) after {@value #GROW_AFTER} accepted calls in a row, so a dense stretch
 * of chain does not pin it small for ever.
 */
public final class LogRange {

    static final int GROW_AFTER = 8;
    private static final Logger log = LoggerFactory.getLogger(LogRange.class);

    private final long chainId;
    private final int max;
    private volatile int size;
    private int accepted;

    public LogRange(long chainId, int max) {
        this.chainId = chainId;
        this.max = Math.max(1, max);
        this.size = this.max;
    }

    /** Blocks per call right now (the gauge {@code chainhub.listener.logs.range.blocks}). */
    public int size() {
        return size;
    }

    /** A node refused {@code refused} blocks: halve below it. False when a single block is already refused. */
    boolean shrink(long refused, String reason) {
        if (refused <= 1) {
            return false;
        }
        size = (int) Math.max(1, Math.min(size, refused) / 2);
        accepted = 0;
        log.info("Chain {}: eth_getLogs of {} blocks refused ({}); range now {} blocks", chainId, refused, reason, size);
        return true;
    }

    void accepted() {
        if (++accepted >= GROW_AFTER && size < max) {
            size = Math.min(max, size * 2);
            accepted = 0;
            log.debug("Chain {}: eth_getLogs range grown to {} blocks", chainId, size);
        }
    }
}
