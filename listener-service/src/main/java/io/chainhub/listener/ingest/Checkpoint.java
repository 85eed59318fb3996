package io.chainhub.listener.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The listener's progress on one chain, committed in the same Kafka transaction as the events of the
 * block it records, so progress and publication can never disagree after a crash.
 *
 * @param lastBlock highest block whose events are published (start block - 1 before the first one)
 * @param window    the canonical chain as published, oldest first, at most the reorg window long:
 *                  what a reorg is detected against and which blocks' transfers can still be reverted
 */
public record Checkpoint(long chainId, long lastBlock, List<BlockRef> window) {

    public Checkpoint {
        window = List.copyOf(window);
    }

    public static Checkpoint startingAt(long chainId, long firstBlock) {
        return new Checkpoint(chainId, firstBlock - 1, List.of());
    }

    public long nextBlock() {
        return lastBlock + 1;
    }

    public Optional<BlockRef> head() {
        return window.isEmpty() ? Optional.empty() : Optional.of(window.getLast());
    }

    public Optional<BlockRef> at(long number) {
        return window.stream().filter(ref -> ref.number() == number).findFirst();
    }

    /** True when {@code next} builds on the published head (or nothing is published yet). */
    public boolean isExtendedBy(BlockRef next) {
        return head().map(head -> head.hash().equalsIgnoreCase(next.parentHash())).orElse(true);
    }

    public Checkpoint append(BlockRef block, int maxWindow) {
        List<BlockRef> grown = new ArrayList<>(window);
        grown.add(block);
        while (grown.size() > maxWindow) {
            grown.removeFirst();
        }
        return new Checkpoint(chainId, block.number(), grown);
    }

    /** Blocks above the fork point, newest first: the ones a reorg removed. */
    public List<BlockRef> above(long forkNumber) {
        return window.stream().filter(ref -> ref.number() > forkNumber).toList().reversed();
    }

    public Checkpoint rewindTo(long forkNumber) {
        return new Checkpoint(chainId, forkNumber, window.stream().filter(ref -> ref.number() <= forkNumber).toList());
    }
}
