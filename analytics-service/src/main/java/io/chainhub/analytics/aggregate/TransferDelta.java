package io.chainhub.analytics.aggregate;

import java.math.BigInteger;

/**
 * One change to the aggregates: a transfer counted ({@code sign} +1) or taken back out (-1) under
 * one finality. Produced by {@link TransferLedgerProcessor}, the value of the aggregation repartition topic.
 *
 * @param token contract address, or {@code native}
 */
public record TransferDelta(
        String eventId,
        long chainId,
        String token,
        String symbol,
        Integer decimals,
        String from,
        String to,
        BigInteger value,
        int sign,
        Finality finality,
        long blockNumber,
        long blockTimestamp,
        String txHash) {

    public static final String NATIVE = "native";

    /** The same delta, counted in another block (the one a ledger entry says it was counted in). */
    public TransferDelta inBlock(long number, long timestamp) {
        return new TransferDelta(eventId, chainId, token, symbol, decimals, from, to, value, sign, finality, number,
                timestamp, txHash);
    }

    public TransferDelta negate() {
        return new TransferDelta(eventId, chainId, token, symbol, decimals, from, to, value, -sign, finality,
                blockNumber, blockTimestamp, txHash);
    }
}
