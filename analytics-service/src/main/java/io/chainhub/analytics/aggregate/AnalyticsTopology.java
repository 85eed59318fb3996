package io.chainhub.analytics.aggregate;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Consumer;

import io.chainhub.analytics.AnalyticsProperties;
import io.chainhub.analytics.WindowSpec;
import io.chainhub.events.topics.Topics;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;
import org.apache.kafka.streams.state.WindowStore;

import static io.chainhub.analytics.aggregate.AnalyticsSerdes.KEY;

/**
 * The aggregation topology.
 *
 * <pre>
 * token-transfers ─ ledger (dedup on ce_id, status → ±deltas) ─┬─ re-key chain|token, repartition
 *                                                             │  └─ one processor for every width:
 *                                                             │      token-1m/1h/1d (count, volume, uniques, largest)
 *                                                             │      party-1m/1h/1d (per sender / receiver)
 *                                                             ├─ progress per chain ─┐
 *                                                             └─ large → live feed   │
 * chain-blocks ──── ledger (dedup, status → ±deltas) ─┬─ chain-1m/1h/1d (blocks)     │
 *                                                     └─ progress per chain ─────────┴─ chain-progress
 * </pre>
 */
public final class AnalyticsTopology {

    public static final String PROGRESS_STORE = "chain-progress";
    public static final String BY_TOKEN = "by-token";

    private AnalyticsTopology() {
    }

    public static void build(StreamsBuilder builder, AnalyticsProperties properties,
            Consumer<TransferDelta> largeTransfers) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TransferLedgerProcessor.STORE), KEY, AnalyticsSerdes.TRANSFER_LEDGER));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(BlockLedgerProcessor.STORE), KEY, AnalyticsSerdes.BLOCK_LEDGER));

        KStream<String, TransferDelta> deltas = builder
                .stream(Topics.TOKEN_TRANSFERS, Consumed.with(KEY, AnalyticsSerdes.TRANSFER)
                        .withTimestampExtractor(new BlockTimeExtractor()))
                .processValues(() -> new TransferLedgerProcessor(properties.ledgerRetention()),
                        TransferLedgerProcessor.STORE);

        for (WindowSpec spec : WindowSpec.values()) {
            // token windows change on every transfer: objects, written back at commit (TokenWindowStore)
            builder.addStateStore(TokenWindowStore.builder(Stores.persistentWindowStore(spec.tokenStore(),
                    properties.retention(spec), spec.size(), false), KEY, AnalyticsSerdes.TOKEN_WINDOW));
            // a row per address and window, almost all new: hash maps, logged in one batch per commit
            builder.addStateStore(PartyWindowStore.builder(spec.partyStore(), properties.retention(spec), spec.size(),
                    properties.partyBatchesInMemory()));
        }
        // one record per delta, partitioned by chain|token: the token and all its parties on one task
        deltas.map((key, delta) -> KeyValue.pair(AggregateKeys.token(delta.chainId(), delta.token()), delta))
                .repartition(Repartitioned.<String, TransferDelta>as(BY_TOKEN)
                        .withKeySerde(KEY).withValueSerde(AnalyticsSerdes.TRANSFER_DELTA)
                        .withStreamPartitioner(AggregateKeys.byToken()))
                .process(() -> new TokenAggregator(properties.grace()), TokenAggregator.storeNames());

        KStream<String, BlockDelta> blockDeltas = builder
                .stream(Topics.CHAIN_BLOCKS, Consumed.with(KEY, AnalyticsSerdes.BLOCK)
                        .withTimestampExtractor(new BlockTimeExtractor()))
                .processValues(() -> new BlockLedgerProcessor(properties.ledgerRetention()),
                        BlockLedgerProcessor.STORE);
        KGroupedStream<String, BlockDelta> chains = blockDeltas.groupByKey(Grouped.with(KEY, AnalyticsSerdes.BLOCK_DELTA));

        for (WindowSpec spec : WindowSpec.values()) {
            TimeWindows windows = TimeWindows.ofSizeAndGrace(spec.size(), properties.grace());
            chains.windowedBy(windows).aggregate(() -> ChainWindow.EMPTY, (key, delta, window) -> window.apply(delta),
                    Materialized.<String, ChainWindow, WindowStore<Bytes, byte[]>>as(spec.chainStore())
                            .withKeySerde(KEY).withValueSerde(AnalyticsSerdes.CHAIN_WINDOW)
                            .withRetention(properties.retention(spec)));
        }

        KStream<String, ChainProgress> transferProgress = deltas.process(ProgressProcessor::new);
        KStream<String, ChainProgress> blockProgress = blockDeltas
                .filter((key, delta) -> delta.sign() > 0)
                .map((key, delta) -> KeyValue.pair(Long.toString(delta.chainId()), progressOf(delta.block())));
        transferProgress.merge(blockProgress)
                .groupByKey(Grouped.with(KEY, AnalyticsSerdes.PROGRESS))
                .reduce(ChainProgress::merge, Materialized.<String, ChainProgress, KeyValueStore<Bytes, byte[]>>as(
                        PROGRESS_STORE).withKeySerde(KEY).withValueSerde(AnalyticsSerdes.PROGRESS));

        BigDecimal minimum = properties.largeTransferMin();
        deltas.filter((key, delta) -> delta.sign() > 0 && isLarge(delta, minimum))
                .foreach((key, delta) -> largeTransfers.accept(delta));
    }

    private static ChainProgress progressOf(BlockSample block) {
        boolean confirmed = block.finality() == Finality.CONFIRMED;
        return new ChainProgress(block.blockNumber(), block.timestamp(), confirmed ? block.blockNumber() : 0,
                confirmed ? block.timestamp() : 0);
    }

    private static boolean isLarge(TransferDelta delta, BigDecimal minimum) {
        return delta.decimals() != null && new BigDecimal(delta.value(), delta.decimals()).compareTo(minimum) >= 0;
    }
}
