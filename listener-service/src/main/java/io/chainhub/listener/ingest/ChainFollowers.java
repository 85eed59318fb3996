package io.chainhub.listener.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chainhub.listener.rpc.ChainRpc;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Starts one follower thread per configured chain with the application and stops them with it. */
@Component
public class ChainFollowers implements SmartLifecycle {

    private final ListenerProperties properties;
    private final KafkaProperties kafka;
    private final PublishedBlocks published;
    private final MeterRegistry meters;
    private final WatchedTransfers watched;
    private final Map<Long, ChainStatus> statuses = new LinkedHashMap<>();
    private final Map<Long, ChainRpc> rpcs = new LinkedHashMap<>();
    private final Map<Long, ChainRuntime> runtimes = new LinkedHashMap<>();
    private final List<ChainFollower> followers = new ArrayList<>();
    private final List<HeadWatcher> watchers = new ArrayList<>();
    private final Map<Long, HeadWatcher> headWatchers = new LinkedHashMap<>();
    /** Kept across stop/start: what was learnt about a provider's limit stays, and the gauge stays bound. */
    private final Map<Long, LogRange> logRanges = new LinkedHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    ChainFollowers(ListenerProperties properties, KafkaProperties kafka, PublishedBlocks published, MeterRegistry meters,
                   WatchedTransfers watched) {
        this.watched = watched;
        this.properties = properties;
        this.kafka = kafka;
        this.published = published;
        this.meters = meters;
    }

    @Override
    public synchronized void start() {
        Map<String, Object> producerProps = kafka.buildProducerProperties();
        CheckpointStore checkpoints = new CheckpointStore(kafka.buildConsumerProperties());
        for (ListenerProperties.Chain chain : properties.chains()) {
            ChainRpc rpc = new ChainRpc(chain.chainId(), chain.rpcUrls(), properties.reprobeAfter(),
                    properties.rpcAttempts(), meters);
            ChainStatus status = new ChainStatus();
            HeadSignal heads = new HeadSignal();
            HeadWatcher watcher = new HeadWatcher(chain.chainId(), chain.wsUrls(), heads, meters);
            String followerId = transactionIdPrefix() + "chain-" + chain.chainId();
            FollowerSettings settings = new FollowerSettings(followerId, chain.chainId(), chain.nativeSymbol(), chain.confirmations(),
                    Math.max(properties.reorgWindow(), chain.confirmations() + 1), chain.firstBlock(),
                    properties.maxBlocksPerStep(), properties.pollInterval());
            TransferFilter filter = chain.scope() == ListenerProperties.Chain.Scope.ALL
                    ? TransferFilter.ALL : watched.filterFor(chain.chainId());
            LogRange logRange = logRange(chain.chainId());
            BlockSource blocks = new BlockSource(rpc, logRange);
            ContractMetadata metadata = new ContractMetadata(rpc);
            runtimes.put(chain.chainId(), new ChainRuntime(chain, blocks,
                    new TransferDecoder(chain.chainId(), chain.nativeSymbol(), metadata), filter, followerId));
            ChainFollower follower = new ChainFollower(settings, blocks, metadata, filter,
                    published, checkpoints, () -> new ChainPublisher(producerProps, followerId,
                    properties.transfersTopic(), properties.blocksTopic()), status, meters, heads);
            String tag = Long.toString(chain.chainId());
            Gauge.builder("chainhub.listener.blocks.behind", status, ChainStatus::lag).tag("chain", tag).register(meters);
            Gauge.builder("chainhub.listener.checkpoint.age.seconds", status, ChainFollowers::checkpointAge)
                    .tag("chain", tag).register(meters);
            statuses.put(chain.chainId(), status);
            headWatchers.put(chain.chainId(), watcher);
            rpcs.put(chain.chainId(), rpc);
            followers.add(follower);
            watchers.add(watcher);
            watcher.start();
            Thread thread = Thread.ofPlatform().name("chain-follower-" + chain.chainId()).daemon().unstarted(follower);
            threads.add(thread);
            thread.start();
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        followers.forEach(ChainFollower::stop);
        watchers.forEach(HeadWatcher::close);
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        rpcs.values().forEach(ChainRpc::close);
        followers.clear();
        watchers.clear();
        headWatchers.clear();
        threads.clear();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    public Map<Long, ChainStatus> statuses() {
        return statuses;
    }

    /** The websocket head subscription of a chain (absent when it has no ws-urls or is not started). */
    public Optional<HeadWatcher> headWatcher(long chainId) {
        return Optional.ofNullable(headWatchers.get(chainId));
    }

    public Optional<ChainRuntime> runtime(long chainId) {
        return Optional.ofNullable(runtimes.get(chainId));
    }

    public Map<String, Object> producerProperties() {
        return kafka.buildProducerProperties();
    }

    public Map<Long, ChainRpc> rpcs() {
        return rpcs;
    }

    private LogRange logRange(long chainId) {
        return logRanges.computeIfAbsent(chainId, id -> {
            LogRange range = new LogRange(id, properties.maxLogRange());
            Gauge.builder("chainhub.listener.logs.range.blocks", range, LogRange::size).tag("chain", Long.toString(id))
                    .description("blocks per eth_getLogs call while catching up (halves when refused, grows back)")
                    .register(meters);
            return range;
        });
    }

    private String transactionIdPrefix() {
        String prefix = kafka.getProducer().getTransactionIdPrefix();
        return prefix == null ? "listener-tx-" : prefix;
    }

    private static double checkpointAge(ChainStatus status) {
        return status.checkpointAt() == null ? 0 : (System.currentTimeMillis() - status.checkpointAt().toEpochMilli()) / 1000.0;
    }
}
