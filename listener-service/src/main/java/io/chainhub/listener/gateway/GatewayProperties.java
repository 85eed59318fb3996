package io.chainhub.listener.gateway;

import java.math.BigInteger;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chainhub.gateway.*}: the chain gateway that signs and broadcasts custody withdrawals. Inert
 * unless a key is configured ({@code private-key} or {@code keystore-file}); {@code enabled=false}
 * switches it off even then.
 *
 * @param rpcUrl           JSON-RPC of the chain (default: {@code chainhub.chain.rpc-url})
 * @param privateKey       hex private key of the hot wallet (dev chain: an anvil dev key)
 * @param keystoreFile     web3j/geth JSON keystore of the hot wallet (production-like local signing)
 * @param pollInterval     how often commands are polled and receipts checked
 * @param gasPriceFactor   multiplier on the latest base fee when signing (a signed price can never be raised);
 *                         on a chain without a base fee, on eth_gasPrice (see {@link GasPricing})
 * @param maxPriorityFee   cap on the tip added to that (wei; the node's suggestion below it is used)
 */
@ConfigurationProperties("chainhub.gateway")
public record GatewayProperties(
        Boolean enabled,
        Long chainId,
        String rpcUrl,
        String privateKey,
        String keystoreFile,
        String keystorePassword,
        String groupId,
        Duration pollInterval,
        BigInteger nativeGasLimit,
        BigInteger tokenGasLimit,
        Integer gasPriceFactor,
        BigInteger maxPriorityFee) {

    public GatewayProperties {
        enabled = enabled == null || enabled;
        chainId = chainId == null ? 31337L : chainId;
        groupId = groupId == null ? "chain-gateway" : groupId;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        nativeGasLimit = nativeGasLimit == null ? BigInteger.valueOf(21_000) : nativeGasLimit;
        tokenGasLimit = tokenGasLimit == null ? BigInteger.valueOf(120_000) : tokenGasLimit;
        gasPriceFactor = gasPriceFactor == null ? 2 : gasPriceFactor;
        maxPriorityFee = maxPriorityFee == null ? BigInteger.valueOf(2_000_000_000L) : maxPriorityFee;
    }

    GasPricing gasPricing() {
        return new GasPricing(gasPriceFactor, maxPriorityFee);
    }
}
