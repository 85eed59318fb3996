package io.chainhub.saga.account;

/** Balances of one asset of an account, base units as decimal strings. */
public record BalanceView(long assetId, long chainId, String token, String symbol, int decimals,
        String available, String held, String pending) {
}
