package io.chainhub.analytics.aggregate;

import io.chainhub.events.block.BlockEvent;
import io.chainhub.events.kafka.JsonSerde;
import io.chainhub.events.transfer.TransferEvent;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Each topic's and store's key and value serdes, in one place. The inputs are JSON (the contract);
 * what is read and written per transfer inside the topology is binary ({@link CompactCodecs}),
 * blocks (a few per minute) stay JSON.
 */
public final class AnalyticsSerdes {

    public static final Serde<String> KEY = Serdes.String();
    public static final Serde<TransferEvent> TRANSFER = JsonSerde.of(TransferEvent.class);
    public static final Serde<BlockEvent> BLOCK = JsonSerde.of(BlockEvent.class);
    public static final Serde<TransferDelta> TRANSFER_DELTA = CompactCodecs.TRANSFER_DELTA;
    public static final Serde<BlockDelta> BLOCK_DELTA = JsonSerde.of(BlockDelta.class);
    public static final Serde<TransferLedger> TRANSFER_LEDGER = CompactCodecs.TRANSFER_LEDGER;
    public static final Serde<BlockLedgerProcessor.BlockLedger> BLOCK_LEDGER =
            JsonSerde.of(BlockLedgerProcessor.BlockLedger.class);
    public static final Serde<TokenWindow> TOKEN_WINDOW = CompactCodecs.TOKEN_WINDOW;
    public static final Serde<PartyWindow> PARTY_WINDOW = CompactCodecs.PARTY_WINDOW;
    public static final Serde<ChainWindow> CHAIN_WINDOW = JsonSerde.of(ChainWindow.class);
    public static final Serde<ChainProgress> PROGRESS = CompactCodecs.PROGRESS;

    private AnalyticsSerdes() {
    }
}
