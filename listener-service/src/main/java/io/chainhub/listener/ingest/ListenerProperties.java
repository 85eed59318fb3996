package io.chainhub.listener.ingest;

import java.time.Duration;
import java.util.List;

import io.chainhub.events.topics.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The chains the listener follows ({@code chainhub.listener.*}).
 *
 * @param pollInterval how often the head is polled (live mode)
 * @param reorgWindow  blocks remembered per chain to detect reorgs and revert their transfers
 * @param maxLogRange  widest eth_getLogs call while catching up (default max-blocks-per-step); it halves
 *                     when a node refuses a range and grows back to this
 */
@ConfigurationProperties("chainhub.listener")
public record ListenerProperties(List<Chain> chains, Duration pollInterval, Integer reorgWindow,
                                 Integer maxBlocksPerStep, String transfersTopic, String blocksTopic,
                                 Duration reprobeAfter, Integer rpcAttempts, Integer maxLogRange) {

    public ListenerProperties {
        chains = chains == null ? List.of() : chains;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        reorgWindow = reorgWindow == null ? 128 : reorgWindow;
        maxBlocksPerStep = maxBlocksPerStep == null ? 50 : maxBlocksPerStep;
        transfersTopic = transfersTopic == null ? Topics.TOKEN_TRANSFERS : transfersTopic;
        blocksTopic = blocksTopic == null ? Topics.CHAIN_BLOCKS : blocksTopic;
        reprobeAfter = reprobeAfter == null ? Duration.ofSeconds(30) : reprobeAfter;
        rpcAttempts = rpcAttempts == null ? 3 : rpcAttempts;
        maxLogRange = maxLogRange == null ? maxBlocksPerStep : maxLogRange;
    }

    /**
     * One chain.
     *
     * @param startBlock "latest" (the head at first start) or a block number; only used without a checkpoint
     * @param scope      ALL transfers, or only those touching watched addresses or tokens ({@code /api/watches})
     */
    public record Chain(long chainId, String name, List<String> rpcUrls, List<String> wsUrls, Integer confirmations,
                        String startBlock, String nativeSymbol, Scope scope) {

        public enum Scope { ALL, WATCHED }

        public Chain {
            wsUrls = wsUrls == null ? List.of() : wsUrls;
            confirmations = confirmations == null ? 12 : confirmations;
            startBlock = startBlock == null ? "latest" : startBlock;
            nativeSymbol = nativeSymbol == null ? "ETH" : nativeSymbol;
            scope = scope == null ? Scope.ALL : scope;
            if (rpcUrls == null || rpcUrls.isEmpty()) {
                throw new IllegalArgumentException("chain " + chainId + " needs at least one rpc-url");
            }
        }

        long firstBlock() {
            return "latest".equalsIgnoreCase(startBlock) ? -1 : Long.parseLong(startBlock);
        }
    }
}
