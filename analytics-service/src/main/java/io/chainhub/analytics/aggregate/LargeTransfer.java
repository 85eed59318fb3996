package io.chainhub.analytics.aggregate;

import java.math.BigInteger;

/** One of the largest transfers of a token in a window (base units). */
public record LargeTransfer(String eventId, String txHash, long blockNumber, long blockTimestamp, String from,
        String to, BigInteger value, Finality finality) {

    static LargeTransfer of(TransferDelta delta) {
        return new LargeTransfer(delta.eventId(), delta.txHash(), delta.blockNumber(), delta.blockTimestamp(),
                delta.from(), delta.to(), delta.value(), delta.finality());
    }
}
