package io.chainhub.listener.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.chainhub.events.block.BlockEvent;
import io.chainhub.events.block.BlockStatus;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one chain's canonical head and publishes, per step and in one Kafka transaction, the transfers
 * and block summaries of new blocks (OBSERVED), of blocks reaching the confirmation depth (CONFIRMED),
 * and of blocks a reorg removed (REVERTED), together with the checkpoint. On any failure the in-memory
 * state is dropped and reloaded from the last committed checkpoint, so nothing is skipped or doubled.
 */
public final class ChainFollower implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ChainFollower.class);
    private static final int TARGET_EVENTS_PER_STEP = 5_000;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

    private final FollowerSettings settings;
    private final BlockSource source;
    private final TransferDecoder decoder;
    private final TransferFilter filter;
    private final BlockSummarizer summarizer;
    private final PublishedBlocks published;
    private final CheckpointStore checkpoints;
    private final Supplier<ChainPublisher> publishers;
    private final ChainStatus status;
    private final MeterRegistry meters;
    private final HeadSignal heads;
    /** Recently published blocks by hash: CONFIRMED without reading them back (the table is for restarts and deep reorgs). */
    private final Map<String, PublishedBlock> recent;
    private int blocksPerStep;
    private long steps;
    private volatile boolean running = true;
    private ChainPublisher publisher;
    private Checkpoint checkpoint;

    public ChainFollower(FollowerSettings settings, BlockSource source, TokenMetadata metadata, TransferFilter filter,
                         PublishedBlocks published,
                         CheckpointStore checkpoints, Supplier<ChainPublisher> publishers, ChainStatus status,
                         MeterRegistry meters, HeadSignal heads) {
        this.settings = settings;
        this.source = source;
        this.decoder = new TransferDecoder(settings.chainId(), settings.nativeSymbol(), metadata);
        this.summarizer = new BlockSummarizer(settings.chainId());
        this.filter = filter;
        this.published = published;
        this.checkpoints = checkpoints;
        this.publishers = publishers;
        this.status = status;
        this.meters = meters;
        this.heads = heads;
        this.blocksPerStep = settings.maxBlocksPerStep();
        this.recent = new LinkedHashMap<>();
    }

    @Override
    public void run() {
        // a long poll interval (heads come over websocket) must not turn into a long pause after a failure
        Duration firstBackoff = settings.pollInterval().compareTo(FIRST_BACKOFF) < 0 ? settings.pollInterval() : FIRST_BACKOFF;
        Duration backoff = firstBackoff;
        while (running) {
            try {
                if (checkpoint == null) {
                    recover();
                }
                boolean progressed = step();
                backoff = firstBackoff;
                if (!progressed) {
                    heads.await(settings.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                log.warn("Chain {}: step failed, resuming from the committed checkpoint in {}: {}",
                        settings.chainId(), backoff, e.toString());
                status.failed(e.getMessage());
                resetPublisher();
                checkpoint = null;
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : backoff.multipliedBy(2);
            }
        }
        resetPublisher();
    }

    public void stop() {
        running = false;
    }

    /**
     * A new publisher fences any predecessor and aborts its open transaction; only then is the checkpoint read. A
     * fresh start is committed at once: a restart before the first new block resumes from it, not from a later
     * head past blocks nobody published.
     */
    private void recover() {
        publisher = publishers.get();
        Optional<Checkpoint> stored = checkpoints.load(settings.followerId());
        if (stored.isPresent()) {
            checkpoint = stored.get();
            status.published(checkpoint.lastBlock(), 0);
        } else {
            commit(new Publication(List.of(), List.of(), freshStart(), false));
        }
        status.following();
        log.info("Chain {}: resuming after block {}", settings.chainId(), checkpoint.lastBlock());
    }

    private Checkpoint freshStart() {
        long first = settings.startBlock() >= 0 ? settings.startBlock() : source.head();
        return Checkpoint.startingAt(settings.chainId(), first);
    }

    boolean step() {
        long head = source.head();
        status.head(head);
        if (checkpoint.nextBlock() > head) {
            if (headReplaced(head)) {
                revertToFork();
                return true;
            }
            return false;
        }
        List<TransferEvent> transfers = new ArrayList<>();
        List<BlockEvent> blocks = new ArrayList<>();
        List<PublishedBlock> observedBlocks = new ArrayList<>();
        Checkpoint next = checkpoint;
        long last = Math.min(head, checkpoint.lastBlock() + blocksPerStep);
        // catching up: all blocks of the step in one batched round trip; live: usually just one block
        for (ChainBlock block : source.blocks(checkpoint.nextBlock(), last)) {
            if (!next.isExtendedBy(block.ref())) {
                if (next == checkpoint) {
                    revertToFork();
                    return true;
                }
                break; // publish what builds on the old head first, then handle the reorg next step
            }
            next = observe(block, next, transfers, blocks, observedBlocks);
        }
        if (next == checkpoint) {
            return false;
        }
        published.saveAll(observedBlocks);
        commit(new Publication(transfers, blocks, next, false));
        forgetBelowConfirmationDepth();
        if (++steps % 32 == 0) {
            published.pruneBelow(settings.chainId(), next.lastBlock() - settings.reorgWindow());
        }
        adaptStepSize(observedBlocks, transfers.size());
        return true;
    }

    /**
     * The next step confirms blocks of its own and the last {@code confirmations} published ones: older blocks
     * are only needed by a deep reorg or after a restart, which read them back from the table. Caching the
     * whole reorg window held ~90 MB of events during a dense backfill.
     */
    private void forgetBelowConfirmationDepth() {
        int keep = settings.confirmations() + 1;
        var eldest = recent.entrySet().iterator();
        while (recent.size() > keep && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }

    /**
     * With no new block there is no parent hash to compare, yet the published head may have been replaced at
     * the same height (or the chain rolled back below it): compare the published head with the node's.
     */
    private boolean headReplaced(long head) {
        return checkpoint.head()
                .map(published -> head < published.number()
                        || !source.hashAt(published.number()).map(published.hash()::equalsIgnoreCase).orElse(false))
                .orElse(false);
    }

    /**
     * Dense blocks (thousands of transfers) make a step heavy in memory and in transaction size: aim at about
     * {@value #TARGET_EVENTS_PER_STEP} events per step, within 1..max-blocks-per-step blocks.
     */
    private void adaptStepSize(List<PublishedBlock> observedBlocks, int events) {
        if (observedBlocks.isEmpty()) {
            return;
        }
        int perBlock = Math.max(1, events / observedBlocks.size());
        blocksPerStep = Math.clamp(TARGET_EVENTS_PER_STEP / perBlock, 1, settings.maxBlocksPerStep());
    }

    private Checkpoint observe(ChainBlock block, Checkpoint current, List<TransferEvent> transfers, List<BlockEvent> blocks,
                               List<PublishedBlock> observedBlocks) {
        List<TransferEvent> observed = decoder.decode(block).stream().filter(filter::accepts).toList();
        BlockEvent summary = summarizer.summarize(block);
        PublishedBlock publishedBlock = new PublishedBlock(summary, observed);
        recent.put(block.hash(), publishedBlock);
        observedBlocks.add(publishedBlock);
        transfers.addAll(observed);
        blocks.add(summary);
        Checkpoint advanced = current.append(block.ref(), settings.reorgWindow());
        advanced.at(block.number() - settings.confirmations()).ifPresent(buried -> confirm(buried, transfers, blocks));
        return advanced;
    }

    private void confirm(BlockRef buried, List<TransferEvent> transfers, List<BlockEvent> blocks) {
        PublishedBlock block = find(buried.hash())
                .orElseThrow(() -> new IllegalStateException("no published events for block " + buried));
        long depth = settings.confirmations();
        block.transfers().forEach(t -> transfers.add(t.withStatus(TransferStatus.CONFIRMED, depth)));
        blocks.add(withStatus(block.block(), BlockStatus.CONFIRMED));
    }

    /** Walks back to the highest published block still canonical and reverts everything above it. */
    private void revertToFork() {
        long fork = checkpoint.window().getFirst().number() - 1;
        for (BlockRef ref : checkpoint.window().reversed()) {
            if (source.hashAt(ref.number()).map(ref.hash()::equalsIgnoreCase).orElse(false)) {
                fork = ref.number();
                break;
            }
        }
        List<TransferEvent> transfers = new ArrayList<>();
        List<BlockEvent> blocks = new ArrayList<>();
        boolean deep = false;
        for (BlockRef removed : checkpoint.above(fork)) {
            deep |= checkpoint.lastBlock() - removed.number() >= settings.confirmations();
            find(removed.hash()).ifPresent(block -> {
                block.transfers().forEach(t -> transfers.add(t.withStatus(TransferStatus.REVERTED, 0)));
                blocks.add(withStatus(block.block(), BlockStatus.REVERTED));
            });
        }
        int depth = (int) (checkpoint.lastBlock() - fork);
        log.warn("Chain {}: reorg of depth {} below block {}{}; reverting {} transfers", settings.chainId(), depth,
                checkpoint.lastBlock(), deep ? " (DEEP: past the confirmation depth)" : "", transfers.size());
        commit(new Publication(transfers, blocks, checkpoint.rewindTo(fork), deep));
        status.reorg();
        meters.summary("chainhub.listener.reorg.depth", "chain", Long.toString(settings.chainId())).record(depth);
    }

    private Optional<PublishedBlock> find(String blockHash) {
        PublishedBlock cached = recent.get(blockHash);
        return cached != null ? Optional.of(cached) : published.find(settings.chainId(), blockHash);
    }

    private void commit(Publication publication) {
        publisher.publish(publication);
        checkpoint = publication.checkpoint();
        int events = publication.transfers().size();
        status.published(checkpoint.lastBlock(), events);
        meters.counter("chainhub.listener.events.published", "chain", Long.toString(settings.chainId())).increment(events);
    }

    private static BlockEvent withStatus(BlockEvent block, BlockStatus status) {
        return new BlockEvent(block.chainId(), block.blockNumber(), block.blockHash(), block.parentHash(),
                block.timestamp(), status, block.txCount(), block.failedTxCount(), block.gasUsed(), block.gasLimit(),
                block.baseFeePerGas(), block.p50(), block.p90());
    }

    private void resetPublisher() {
        if (publisher != null) {
            try {
                publisher.close();
            } catch (RuntimeException ignored) {
                // a broken producer cannot be closed cleanly; the next one fences it anyway
            }
            publisher = null;
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis()); // backoff after a failed step
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
