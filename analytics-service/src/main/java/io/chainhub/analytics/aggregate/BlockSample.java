package io.chainhub.analytics.aggregate;

import java.math.BigInteger;

import io.chainhub.events.block.BlockEvent;

/** The figures of one block that a chain window sums up; gas and prices in wei. */
public record BlockSample(long blockNumber, String blockHash, long timestamp, int txCount, int failedTxCount,
        BigInteger gasUsed, BigInteger baseFeePerGas, BigInteger p50, BigInteger p90, Finality finality) {

    static BlockSample of(BlockEvent event, Finality finality) {
        return new BlockSample(event.blockNumber(), event.blockHash(), event.timestamp(), event.txCount(),
                event.failedTxCount(), number(event.gasUsed()), number(event.baseFeePerGas()), number(event.p50()),
                number(event.p90()), finality);
    }

    private static BigInteger number(String value) {
        return value == null || value.isBlank() ? null : new BigInteger(value.trim());
    }
}
