package io.chainhub.listener.chain;

import java.time.Instant;
import java.util.List;

/**
 * A followed chain as the API shows it.
 *
 * @param head            latest block number the nodes reported
 * @param lastProcessed   last block whose events are published (null before the first checkpoint)
 * @param lastConfirmed   last block whose transfers are published as CONFIRMED
 * @param lag             blocks behind head
 * @param eventsPerSecond transfer events published per second over the last minute
 * @param endpoints       RPC endpoints (scheme, host and port only: providers put API keys in the path)
 * @param websocket       the newHeads subscription; null when the chain has no ws-urls
 * @param logRange        blocks per eth_getLogs call while catching up (shrinks on a node's range limit)
 */
record ChainView(long chainId, String name, int confirmations, Long head, Long lastProcessed, Long lastConfirmed,
                 long lag, long eventsPublished, double eventsPerSecond, long reorgs, Instant checkpointAt,
                 String lastError, List<Endpoint> endpoints, Websocket websocket, Integer logRange) {

    record Endpoint(String url, boolean healthy, String circuit) {
    }

    /** @param reconnects successful reconnections after a drop since the listener started */
    record Websocket(boolean connected, long reconnects) {
    }
}
