package io.chainhub.analytics.aggregate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.chainhub.events.block.BlockEvent;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Block summaries to block deltas, once per status of each block (a block is named by number and
 * hash: a reorg's replacement block is another block). OBSERVED counts provisionally, CONFIRMED
 * moves to confirmed, REVERTED takes it out.
 */
class BlockLedgerProcessor implements FixedKeyProcessor<String, BlockEvent, BlockDelta> {

    static final String STORE = "block-ledger";

    /** @param appliedAs null when the block is not (or no longer) counted */
    record BlockLedger(List<String> seenStatuses, Finality appliedAs, long touchedAt) {
    }

    private final Duration retention;
    private FixedKeyProcessorContext<String, BlockDelta> context;
    private KeyValueStore<String, BlockLedger> ledger;

    BlockLedgerProcessor(Duration retention) {
        this.retention = retention;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, BlockDelta> context) {
        this.context = context;
        this.ledger = context.getStateStore(STORE);
        context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, this::purge);
    }

    @Override
    public void process(FixedKeyRecord<String, BlockEvent> record) {
        BlockEvent block = record.value();
        if (block == null || block.status() == null || block.blockHash() == null) {
            return;
        }
        String key = block.chainId() + ":" + block.blockNumber() + ":" + block.blockHash();
        BlockLedger current = ledger.get(key);
        List<String> seen = current == null ? List.of() : current.seenStatuses();
        if (seen.contains(block.status().name())) {
            return;
        }
        Finality appliedAs = current == null ? null : current.appliedAs();
        Finality target = switch (block.status()) {
            case OBSERVED -> appliedAs == Finality.CONFIRMED ? Finality.CONFIRMED : Finality.PROVISIONAL;
            case CONFIRMED -> Finality.CONFIRMED;
            case REVERTED -> null;
        };
        if (appliedAs != target) {
            if (appliedAs != null) {
                forward(record, new BlockDelta(block.chainId(), BlockSample.of(block, appliedAs), -1));
            }
            if (target != null) {
                forward(record, new BlockDelta(block.chainId(), BlockSample.of(block, target), +1));
            }
        }
        List<String> nextSeen = new ArrayList<>(seen);
        nextSeen.add(block.status().name());
        ledger.put(key, new BlockLedger(nextSeen, target, context.currentSystemTimeMs()));
    }

    private void forward(FixedKeyRecord<String, BlockEvent> record, BlockDelta delta) {
        context.forward(record.withValue(delta).withTimestamp(delta.block().timestamp() * 1000));
    }

    private void purge(long now) {
        long cutoff = now - retention.toMillis();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, BlockLedger> all = ledger.all()) {
            while (all.hasNext()) {
                KeyValue<String, BlockLedger> entry = all.next();
                if (entry.value.touchedAt() < cutoff) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(ledger::delete);
    }
}
