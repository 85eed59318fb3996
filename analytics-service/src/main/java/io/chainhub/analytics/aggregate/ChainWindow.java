package io.chainhub.analytics.aggregate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The blocks of one chain in one window, by block hash. Blocks are few (one per 2-12 s), so each is
 * kept whole: a reverted block comes out exactly, and percentiles are computed from the samples.
 */
public record ChainWindow(Map<String, BlockSample> blocks) {

    public static final ChainWindow EMPTY = new ChainWindow(Map.of());

    public ChainWindow {
        blocks = blocks == null ? Map.of() : blocks;
    }

    public ChainWindow apply(BlockDelta delta) {
        Map<String, BlockSample> next = new LinkedHashMap<>(blocks);
        BlockSample block = delta.block();
        if (delta.sign() > 0) {
            next.put(block.blockHash(), block);
        } else {
            BlockSample present = next.get(block.blockHash());
            if (present != null && present.finality() == block.finality()) {
                next.remove(block.blockHash());
            }
        }
        return new ChainWindow(next);
    }
}
