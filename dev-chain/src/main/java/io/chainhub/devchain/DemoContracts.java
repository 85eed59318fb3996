package io.chainhub.devchain;

import java.math.BigInteger;

/** Addresses of the three demo contracts deployed by {@link DevChain#deployDemoContracts}. */
public record DemoContracts(String token, String nft, String multi) {

    public static final String TOKEN_SYMBOL = "DEMO";
    public static final int TOKEN_DECIMALS = 6;
    /** One million DEMO in base units, all minted to the deployer. */
    public static final BigInteger TOKEN_INITIAL_SUPPLY = BigInteger.TEN.pow(TOKEN_DECIMALS).multiply(BigInteger.valueOf(1_000_000));
    public static final String NFT_SYMBOL = "DNFT";
    public static final String MULTI_SYMBOL = "DMULTI";
}
