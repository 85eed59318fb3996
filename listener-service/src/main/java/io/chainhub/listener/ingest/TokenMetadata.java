package io.chainhub.listener.ingest;

import io.chainhub.events.transfer.TokenRef;
import io.chainhub.events.transfer.TokenStandard;

/** Looks up symbol and decimals of a token contract (cached by the implementation). */
@FunctionalInterface
public interface TokenMetadata {

    TokenRef lookup(String tokenAddress, TokenStandard standard);
}
