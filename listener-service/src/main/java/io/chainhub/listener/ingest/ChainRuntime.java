package io.chainhub.listener.ingest;

import java.util.List;

import io.chainhub.events.transfer.TransferEvent;

/** What other features (replay, gateway) may use of a followed chain: its nodes and its decoding rules. */
public record ChainRuntime(ListenerProperties.Chain chain, BlockSource blocks, TransferDecoder decoder,
                           TransferFilter filter, String followerId) {

    /** The transfers of a block as the live follower would publish them as OBSERVED. */
    public List<TransferEvent> transfers(ChainBlock block) {
        return decoder.decode(block).stream().filter(filter::accepts).toList();
    }
}
