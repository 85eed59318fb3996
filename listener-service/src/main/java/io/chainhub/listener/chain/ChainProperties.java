package io.chainhub.listener.chain;

import java.net.URI;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The chain this listener follows ({@code chainhub.chain.*}).
 *
 * @param rpcUrl        JSON-RPC over HTTP
 * @param wsUrl         JSON-RPC over websockets (new-head subscriptions)
 * @param chainId       EIP-155 chain id (31337 for anvil)
 * @param confirmations depth at which a transfer becomes CONFIRMED
 */
@Validated
@ConfigurationProperties("chainhub.chain")
public record ChainProperties(@NotNull URI rpcUrl, URI wsUrl, @Positive long chainId,
        @PositiveOrZero int confirmations) {
}
