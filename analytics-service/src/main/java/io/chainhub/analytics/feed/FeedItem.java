package io.chainhub.analytics.feed;

import java.time.Instant;

import io.chainhub.analytics.aggregate.Finality;
import io.chainhub.analytics.aggregate.LargeTransfer;
import io.chainhub.analytics.aggregate.TransferDelta;

/**
 * A large transfer as pushed to the live feed and listed by {@code GET /api/analytics/large-transfers}.
 *
 * @param value        integer base units
 * @param valueDecimal {@code value / 10^decimals}, null when decimals are unknown
 */
public record FeedItem(String eventId, long chainId, String token, String symbol, Integer decimals, String from,
        String to, String value, String valueDecimal, long blockNumber, Instant blockTime, String txHash,
        Finality finality) {

    public static FeedItem of(TransferDelta delta) {
        return new FeedItem(delta.eventId(), delta.chainId(), delta.token(), delta.symbol(), delta.decimals(),
                delta.from(), delta.to(), delta.value().toString(), decimal(delta.value(), delta.decimals()),
                delta.blockNumber(), Instant.ofEpochSecond(delta.blockTimestamp()), delta.txHash(), delta.finality());
    }

    public static FeedItem of(long chainId, String token, String symbol, Integer decimals, LargeTransfer transfer) {
        return new FeedItem(transfer.eventId(), chainId, token, symbol, decimals, transfer.from(), transfer.to(),
                transfer.value().toString(), decimal(transfer.value(), decimals), transfer.blockNumber(),
                Instant.ofEpochSecond(transfer.blockTimestamp()), transfer.txHash(), transfer.finality());
    }

    private static String decimal(java.math.BigInteger value, Integer decimals) {
        return decimals == null ? null : new java.math.BigDecimal(value, decimals).stripTrailingZeros().toPlainString();
    }
}
