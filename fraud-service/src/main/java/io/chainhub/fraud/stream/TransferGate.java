package io.chainhub.fraud.stream;

import java.time.Duration;

import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;
import io.chainhub.fraud.engine.Leg;
import io.chainhub.fraud.stream.LegCommand.Action;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Lets each transfer through once per block it lands in: OBSERVED and CONFIRMED of the same transfer in
 * the same block are one evaluation (rules fire as early as possible, on OBSERVED); a REVERTED transfer
 * that was evaluated is undone; a re-inclusion in another block is evaluated again. Runs on the source
 * partition (key chainId:txHash), so all status changes of a transfer meet the same store.
 */
final class TransferGate implements Processor<String, TransferEvent, String, LegCommand> {

    private final Duration retention;
    private ProcessorContext<String, LegCommand> context;
    private KeyValueStore<String, TransferIndexEntry> index;
    private SlicedPurge<TransferIndexEntry> purge;

    TransferGate(Duration retention) {
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, LegCommand> context) {
        this.context = context;
        this.index = context.getStateStore(FraudTopology.TRANSFER_INDEX);
        this.purge = new SlicedPurge<>(index, SlicedPurge.ENTRIES_PER_RUN, TransferIndexEntry::seenAtMillis);
        context.schedule(SlicedPurge.INTERVAL, PunctuationType.WALL_CLOCK_TIME,
                now -> purge.run(now - retention.toMillis()));
    }

    @Override
    public void process(Record<String, TransferEvent> record) {
        TransferEvent transfer = record.value();
        if (transfer == null || transfer.eventId() == null || transfer.status() == null) {
            return;
        }
        TransferIndexEntry seen = index.get(transfer.eventId());
        if (transfer.status() == TransferStatus.REVERTED) {
            if (seen != null && seen.blockHash().equals(transfer.blockHash())) {
                index.delete(transfer.eventId());
                forward(record, transfer, Action.REVERT);
            }
            return;
        }
        if (seen != null && seen.blockHash().equals(transfer.blockHash())) {
            return;
        }
        if (seen != null) {
            // re-included in another block without a REVERTED first: undo the old evaluation
            forward(record, transfer, Action.REVERT);
        }
        index.put(transfer.eventId(), new TransferIndexEntry(transfer.blockHash(), context.currentSystemTimeMs()));
        forward(record, transfer, Action.EVALUATE);
    }

    /**
     * Without the input's CloudEvents headers: the rules read none of them (alerts get headers of their own), and
     * every leg carried six of them to the broker and back through the repartition topic.
     */
    private void forward(Record<String, TransferEvent> record, TransferEvent transfer, Action action) {
        for (Leg leg : Leg.of(transfer)) {
            context.forward(record.withKey(leg.stateKey()).withValue(new LegCommand(action, leg))
                    .withHeaders(new RecordHeaders()));
        }
    }
}
