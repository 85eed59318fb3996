package io.chainhub.analytics.aggregate;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Progress per chain from transfer deltas, forwarded only when this task's view moves forward: a
 * handful of records per block instead of one per transfer. The in-memory view is a filter only;
 * after a restart it forwards again, and the downstream max-merge makes that harmless.
 */
class ProgressProcessor implements Processor<String, TransferDelta, String, ChainProgress> {

    private final Map<Long, ChainProgress> seen = new HashMap<>();
    private ProcessorContext<String, ChainProgress> context;

    @Override
    public void init(ProcessorContext<String, ChainProgress> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, TransferDelta> record) {
        TransferDelta delta = record.value();
        if (delta.sign() < 0) {
            return;
        }
        boolean confirmed = delta.finality() == Finality.CONFIRMED;
        ChainProgress update = new ChainProgress(delta.blockNumber(), delta.blockTimestamp(),
                confirmed ? delta.blockNumber() : 0, confirmed ? delta.blockTimestamp() : 0);
        ChainProgress before = seen.getOrDefault(delta.chainId(), ChainProgress.NONE);
        ChainProgress after = before.merge(update);
        if (!after.equals(before)) {
            seen.put(delta.chainId(), after);
            context.forward(new Record<>(Long.toString(delta.chainId()), after, record.timestamp()));
        }
    }
}
