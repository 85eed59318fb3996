package io.chainhub.events.block;

/**
 * Summary of one block and its status: the value of the {@code chain-blocks} topic.
 * Gas figures are integers as decimal strings (wei); {@code p50}/{@code p90} are effective gas
 * price percentiles of the block's transactions (null for an empty block).
 */
public record BlockEvent(
        long chainId,
        long blockNumber,
        String blockHash,
        String parentHash,
        long timestamp,
        BlockStatus status,
        int txCount,
        int failedTxCount,
        String gasUsed,
        String gasLimit,
        String baseFeePerGas,
        String p50,
        String p90) {

    public String cloudEventId() {
        return chainId + ":" + blockNumber + "@" + blockHash + ":" + status;
    }

    public String kafkaKey() {
        return Long.toString(chainId);
    }
}
