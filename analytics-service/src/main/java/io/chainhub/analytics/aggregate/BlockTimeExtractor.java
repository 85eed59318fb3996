package io.chainhub.analytics.aggregate;

import io.chainhub.events.block.BlockEvent;
import io.chainhub.events.transfer.TransferEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Windows go by block time, not by when the listener published: a replay or a late publication
 * lands in the block's window.
 */
public class BlockTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        long seconds = switch (record.value()) {
            case TransferEvent transfer -> transfer.blockTimestamp();
            case BlockEvent block -> block.timestamp();
            case null, default -> 0;
        };
        return seconds > 0 ? seconds * 1000 : Math.max(record.timestamp(), partitionTime);
    }
}
