package io.chainhub.analytics.aggregate;

import io.chainhub.events.block.BlockEvent;
import io.chainhub.events.kafka.JsonSerde;
import io.chainhub.events.transfer.TransferEvent;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Each topic's and store's key and value serdes, in one place. */
public final class AnalyticsSerdes {

    public static final Serde<String> KEY = Serdes.String();
    public static final Serde<TransferEvent> TRANSFER = JsonSerde.of(TransferEvent.class);
    public static final Serde<BlockEvent> BLOCK = JsonSerde.of(BlockEvent.class);
    public static final Serde<TransferDelta> TRANSFER_DELTA = JsonSerde.of(TransferDelta.class);
    public static final Serde<BlockDelta> BLOCK_DELTA = JsonSerde.of(BlockDelta.class);
    public static final Serde<TransferLedger> TRANSFER_LEDGER = JsonSerde.of(TransferLedger.class);
    public static final Serde<BlockLedgerProcessor.BlockLedger> BLOCK_LEDGER =
            JsonSerde.of(BlockLedgerProcessor.BlockLedger.class);
    public static final Serde<TokenWindow> TOKEN_WINDOW = JsonSerde.of(TokenWindow.class);
    public static final Serde<PartyWindow> PARTY_WINDOW = JsonSerde.of(PartyWindow.class);
    public static final Serde<ChainWindow> CHAIN_WINDOW = JsonSerde.of(ChainWindow.class);
    public static final Serde<ChainProgress> PROGRESS = JsonSerde.of(ChainProgress.class);

    private AnalyticsSerdes() {
    }
}
