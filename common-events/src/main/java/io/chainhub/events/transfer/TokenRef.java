package io.chainhub.events.transfer;

/**
 * The token a transfer moves.
 *
 * @param address  contract address, lowercase; null for the chain's native currency
 * @param symbol   as read from the contract (null when the contract does not answer)
 * @param decimals as read from the contract; 0 for NFTs; null when unknown
 */
public record TokenRef(String address, String symbol, Integer decimals) {
}
