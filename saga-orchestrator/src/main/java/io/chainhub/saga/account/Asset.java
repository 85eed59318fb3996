package io.chainhub.saga.account;

/** A token on a chain; {@code token} is the lowercase contract address or {@code native}. */
public record Asset(long id, long chainId, String token, String symbol, int decimals) {

    public static final String NATIVE = "native";

    /** The token as the wire has it: null for the native currency. */
    public String tokenAddress() {
        return NATIVE.equals(token) ? null : token;
    }
}
