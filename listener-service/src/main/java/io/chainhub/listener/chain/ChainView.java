package io.chainhub.listener.chain;

import java.time.Instant;

/**
 * A followed chain as the API shows it.
 *
 * @param chainId       EIP-155 chain id
 * @param rpcEndpoint   scheme, host and port of the node; path, query and credentials are left out
 *                      because hosted providers put API keys there
 * @param confirmations depth at which transfers become CONFIRMED
 * @param lastBlock     last block published, or null before the first checkpoint
 * @param lastBlockHash hash of that block, or null
 * @param checkpointAt  when the checkpoint was written, or null
 */
record ChainView(long chainId, String rpcEndpoint, int confirmations, Long lastBlock, String lastBlockHash,
        Instant checkpointAt) {
}
