package io.chainhub.listener.ingest;

import java.time.Duration;

/**
 * How one chain is followed.
 *
 * @param followerId        transactional id and checkpoint key: stable per chain and deployment
 * @param confirmations     depth at which a transfer becomes CONFIRMED
 * @param reorgWindow       blocks kept to detect reorgs and revert their transfers (≥ confirmations)
 * @param startBlock        first block on a fresh start; negative = the head at that moment
 * @param maxBlocksPerStep  blocks published per Kafka transaction while catching up
 */
public record FollowerSettings(String followerId, long chainId, String nativeSymbol, int confirmations, int reorgWindow,
                               long startBlock, int maxBlocksPerStep, Duration pollInterval) {
}
