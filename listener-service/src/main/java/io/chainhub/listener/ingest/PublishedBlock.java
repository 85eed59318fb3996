package io.chainhub.listener.ingest;

import java.util.List;

import io.chainhub.events.block.BlockEvent;
import io.chainhub.events.transfer.TransferEvent;

/** What was published for one block (as OBSERVED): needed later to confirm or revert it. */
public record PublishedBlock(BlockEvent block, List<TransferEvent> transfers) {
}
