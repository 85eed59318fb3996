package io.chainhub.analytics.query;

/** One token of a chain in a window, for the top-tokens list. */
public record TokenSummary(long chainId, String token, String symbol, Integer decimals, Amounts confirmed,
        Amounts provisional, Amounts total) {
}
