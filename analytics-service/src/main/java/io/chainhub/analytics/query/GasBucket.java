package io.chainhub.analytics.query;

import java.time.Instant;

/**
 * One window of a chain's block figures (wei as decimal strings).
 *
 * @param baseFeeAvg   mean base fee of the window's blocks
 * @param p50          tx-weighted median of the blocks' median effective gas price
 * @param p90          tx-weighted 90th percentile of the blocks' 90th percentile
 * @param feesPaid     estimate: sum over blocks of gasUsed × the block's median effective gas price
 *                     (chain-blocks carries no per-transaction fees)
 */
public record GasBucket(Instant start, Instant end, boolean isFinal, long blocks, long provisionalBlocks,
        long transactions, long failedTransactions, String gasUsed, String baseFeeAvg, String p50, String p90,
        String feesPaid) {
}
