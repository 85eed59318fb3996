package io.chainhub.listener.ingest;

import java.util.List;

import io.chainhub.events.block.BlockEvent;
import io.chainhub.events.transfer.TransferEvent;

/**
 * Everything one step of the follower publishes atomically: events plus the checkpoint they lead to.
 *
 * @param deepReorg the REVERTED events undo transfers that had already been CONFIRMED
 */
public record Publication(List<TransferEvent> transfers, List<BlockEvent> blocks, Checkpoint checkpoint,
                          boolean deepReorg) {
}
