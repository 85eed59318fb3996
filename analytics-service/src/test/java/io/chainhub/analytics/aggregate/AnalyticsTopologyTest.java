package io.chainhub.analytics.aggregate;

import static io.chainhub.analytics.aggregate.TransferFixtures.ALICE;
import static io.chainhub.analytics.aggregate.TransferFixtures.BOB;
import static io.chainhub.analytics.aggregate.TransferFixtures.CAROL;
import static io.chainhub.analytics.aggregate.TransferFixtures.CHAIN;
import static io.chainhub.analytics.aggregate.TransferFixtures.TOKEN;
import static io.chainhub.analytics.aggregate.TransferFixtures.observed;
import static io.chainhub.analytics.aggregate.TransferFixtures.tx;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.chainhub.analytics.AnalyticsProperties;
import io.chainhub.analytics.WindowSpec;
import io.chainhub.events.block.BlockEvent;
import io.chainhub.events.block.BlockStatus;
import io.chainhub.events.kafka.CloudEvent;
import io.chainhub.events.kafka.CloudEventHeaders;
import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;
import io.chainhub.testsupport.TempDirs;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The aggregation topology on TopologyTestDriver: windows, finality, reorgs, late and repeated events. */
class AnalyticsTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final String ONE = "1000000000000000000";
    private static final String TWO = "2000000000000000000";

    private TopologyTestDriver driver;
    private TestInputTopic<String, TransferEvent> transfers;
    private TestInputTopic<String, BlockEvent> blocks;
    private final List<TransferDelta> feed = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        AnalyticsTopology.build(builder, AnalyticsProperties.defaults(), feed::add);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "analytics-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, TempDirs.create("analytics-ttd").toString());
        driver = new TopologyTestDriver(builder.build(), config);
        transfers = driver.createInputTopic(Topics.TOKEN_TRANSFERS, AnalyticsSerdes.KEY.serializer(),
                AnalyticsSerdes.TRANSFER.serializer());
        blocks = driver.createInputTopic(Topics.CHAIN_BLOCKS, AnalyticsSerdes.KEY.serializer(),
                AnalyticsSerdes.BLOCK.serializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void shouldCountTransferInEveryWindowWidthWhenObserved() {
        send(observed(tx(1), 0, 100, "a", T0.plusSeconds(30), ALICE, BOB, ONE));

        for (WindowSpec spec : WindowSpec.values()) {
            TokenWindow window = tokenWindow(spec, T0.plusSeconds(30));
            assertThat(window.provisional()).as(spec.label()).isEqualTo(new Figures(1, new BigInteger(ONE)));
            assertThat(window.confirmed()).as(spec.label()).isEqualTo(Figures.ZERO);
            assertThat(window.decimals()).isEqualTo(18);
        }
    }

    @Test
    void shouldSplitTransfersIntoMinuteWindowsByBlockTime() {
        send(observed(tx(1), 0, 100, "a", T0.plusSeconds(10), ALICE, BOB, ONE));
        send(observed(tx(2), 0, 105, "a", T0.plusSeconds(70), ALICE, BOB, TWO));

        assertThat(tokenWindow(WindowSpec.MINUTE, T0).provisional().transfers()).isEqualTo(1);
        assertThat(tokenWindow(WindowSpec.MINUTE, T0.plusSeconds(60)).provisional().volume())
                .isEqualTo(new BigInteger(TWO));
        assertThat(tokenWindow(WindowSpec.HOUR, T0).provisional())
                .isEqualTo(new Figures(2, new BigInteger("3000000000000000000")));
    }

    @Test
    void shouldMoveTransferFromProvisionalToConfirmedWhenConfirmed() {
        TransferEvent transfer = observed(tx(1), 0, 100, "a", T0, ALICE, BOB, ONE);
        send(transfer);
        send(transfer.withStatus(TransferStatus.CONFIRMED, 12));

        TokenWindow window = tokenWindow(WindowSpec.HOUR, T0);
        assertThat(window.confirmed()).isEqualTo(new Figures(1, new BigInteger(ONE)));
        assertThat(window.provisional()).isEqualTo(Figures.ZERO);
    }

    @Test
    void shouldTakeTransferBackOutWhenReverted() {
        TransferEvent kept = observed(tx(1), 0, 100, "a", T0, ALICE, BOB, ONE);
        TransferEvent reorged = observed(tx(2), 0, 101, "a", T0.plusSeconds(2), ALICE, CAROL, TWO);
        send(kept);
        send(reorged);
        send(reorged.withStatus(TransferStatus.REVERTED, 0));

        TokenWindow window = tokenWindow(WindowSpec.MINUTE, T0);
        assertThat(window.provisional()).isEqualTo(new Figures(1, new BigInteger(ONE)));
        assertThat(tokenWindow(WindowSpec.HOUR, T0).largest()).extracting(LargeTransfer::eventId).containsExactly(kept.eventId());
        assertThat(party(WindowSpec.MINUTE, AggregateKeys.receiver(CHAIN, TOKEN, CAROL), T0).total())
                .isEqualTo(Figures.ZERO);
    }

    @Test
    void shouldCountReincludedTransferOnceInItsNewBlockWhenReorgedIntoAnotherBlock() {
        TransferEvent first = observed(tx(1), 0, 100, "a", T0, ALICE, BOB, ONE);
        TransferEvent reincluded = observed(tx(1), 0, 101, "b", T0.plusSeconds(90), ALICE, BOB, ONE);
        send(first);
        send(first.withStatus(TransferStatus.REVERTED, 0));
        send(reincluded);
        send(reincluded.withStatus(TransferStatus.CONFIRMED, 12));

        assertThat(tokenWindow(WindowSpec.MINUTE, T0).total()).isEqualTo(Figures.ZERO);
        assertThat(tokenWindow(WindowSpec.MINUTE, T0.plusSeconds(90)).confirmed())
                .isEqualTo(new Figures(1, new BigInteger(ONE)));
        assertThat(tokenWindow(WindowSpec.HOUR, T0).confirmed().transfers()).isEqualTo(1);
        assertThat(tokenWindow(WindowSpec.HOUR, T0).provisional()).isEqualTo(Figures.ZERO);
    }

    @Test
    void shouldTakeTransferOutOfItsOldBlocksWindowWhenPublishedInAnotherBlockWithoutRevertedFirst() {
        send(observed(tx(1), 0, 100, "a", T0, ALICE, BOB, ONE));
        send(observed(tx(1), 0, 101, "b", T0.plusSeconds(90), ALICE, BOB, ONE));

        assertThat(tokenWindow(WindowSpec.MINUTE, T0).total()).isEqualTo(Figures.ZERO);
        assertThat(party(WindowSpec.MINUTE, AggregateKeys.sender(CHAIN, TOKEN, ALICE), T0).total()).isEqualTo(Figures.ZERO);
        assertThat(tokenWindow(WindowSpec.MINUTE, T0.plusSeconds(90)).provisional())
                .isEqualTo(new Figures(1, new BigInteger(ONE)));
        assertThat(tokenWindow(WindowSpec.HOUR, T0).total().transfers()).isEqualTo(1);
    }

    @Test
    void shouldCountOnceWhenSameCloudEventIsRedelivered() {
        TransferEvent transfer = observed(tx(1), 0, 100, "a", T0, ALICE, BOB, ONE);
        send(transfer);
        send(transfer);
        send(transfer.withStatus(TransferStatus.CONFIRMED, 12));
        send(transfer.withStatus(TransferStatus.CONFIRMED, 12));
        send(transfer); // the OBSERVED once more, after CONFIRMED

        TokenWindow window = tokenWindow(WindowSpec.HOUR, T0);
        assertThat(window.confirmed().transfers()).isEqualTo(1);
        assertThat(window.provisional().transfers()).isZero();
    }

    @Test
    void shouldLandInItsWindowWhenLateWithinGrace() {
        send(observed(tx(1), 0, 130, "a", T0.plus(Duration.ofMinutes(5)), ALICE, BOB, ONE));
        send(observed(tx(2), 0, 100, "a", T0.plusSeconds(10), ALICE, BOB, TWO)); // 5 min late, grace 10 min

        assertThat(tokenWindow(WindowSpec.MINUTE, T0).provisional()).isEqualTo(new Figures(1, new BigInteger(TWO)));
    }

    @Test
    void shouldDropFromClosedWindowButKeepInOpenWindowWhenLaterThanGrace() {
        send(observed(tx(1), 0, 200, "a", T0.plus(Duration.ofMinutes(30)), ALICE, BOB, ONE));
        send(observed(tx(2), 0, 100, "a", T0.plusSeconds(10), ALICE, BOB, TWO)); // 30 min late

        assertThat(tokenWindowOrNull(WindowSpec.MINUTE, T0)).isNull();
        assertThat(tokenWindow(WindowSpec.HOUR, T0).provisional().transfers()).isEqualTo(2);
    }

    @Test
    void shouldKeepSendersAndReceiversPerAddressWhenSeveralTransfers() {
        send(observed(tx(1), 0, 100, "a", T0, ALICE, BOB, ONE));
        send(observed(tx(2), 0, 100, "a", T0, ALICE, CAROL, TWO));
        send(observed(tx(3), 0, 100, "a", T0, BOB, CAROL, ONE));

        assertThat(party(WindowSpec.HOUR, AggregateKeys.sender(CHAIN, TOKEN, ALICE), T0).provisional())
                .isEqualTo(new Figures(2, new BigInteger("3000000000000000000")));
        assertThat(party(WindowSpec.HOUR, AggregateKeys.receiver(CHAIN, TOKEN, CAROL), T0).provisional().transfers())
                .isEqualTo(2);
        assertThat(partyKeys(WindowSpec.HOUR, AggregateKeys.token(CHAIN, TOKEN) + "|S|")).containsExactlyInAnyOrder(
                AggregateKeys.sender(CHAIN, TOKEN, ALICE), AggregateKeys.sender(CHAIN, TOKEN, BOB));
    }

    @Test
    void shouldCountDistinctSendersAndReceiversInTokenWindowAndTakeThemBackWhenReverted() {
        TransferEvent reorged = observed(tx(3), 0, 101, "a", T0, BOB, CAROL, ONE);
        send(observed(tx(1), 0, 100, "a", T0, ALICE, BOB, ONE));
        send(observed(tx(2), 0, 100, "a", T0, ALICE, CAROL, TWO).withStatus(TransferStatus.CONFIRMED, 12));
        send(reorged);

        assertThat(tokenWindow(WindowSpec.DAY, T0).senders()).isEqualTo(new Uniques(1, 2, 2));
        assertThat(tokenWindow(WindowSpec.DAY, T0).receivers()).isEqualTo(new Uniques(1, 2, 2));

        send(reorged.withStatus(TransferStatus.REVERTED, 0));

        assertThat(tokenWindow(WindowSpec.DAY, T0).senders()).isEqualTo(new Uniques(1, 1, 1));
        assertThat(tokenWindow(WindowSpec.DAY, T0).receivers()).isEqualTo(new Uniques(1, 1, 2));
        assertThat(partyKeys(WindowSpec.DAY, AggregateKeys.token(CHAIN, TOKEN) + "|S|"))
                .containsExactly(AggregateKeys.sender(CHAIN, TOKEN, ALICE));
    }

    @Test
    void shouldPushLargeTransfersToFeedWhenAboveMinimum() {
        send(observed(tx(1), 0, 100, "a", T0, ALICE, BOB, "5000000000000000000000")); // 5000 DEMO
        send(observed(tx(2), 0, 100, "a", T0, ALICE, BOB, ONE));

        assertThat(feed).extracting(TransferDelta::eventId).containsExactly(CHAIN + ":" + tx(1) + ":0");
    }

    @Test
    void shouldSumBlocksAndTakeRevertedBlockOutWhenReorged() {
        sendBlock(block(100, "a", T0, BlockStatus.OBSERVED, 10, "100"));
        sendBlock(block(101, "a", T0.plusSeconds(12), BlockStatus.OBSERVED, 30, "300"));
        sendBlock(block(100, "a", T0, BlockStatus.CONFIRMED, 10, "100"));
        sendBlock(block(101, "a", T0.plusSeconds(12), BlockStatus.REVERTED, 30, "300"));
        sendBlock(block(101, "b", T0.plusSeconds(13), BlockStatus.OBSERVED, 5, "200"));

        ChainWindow window = driver.<String, ChainWindow>getWindowStore(WindowSpec.MINUTE.chainStore())
                .fetch(Long.toString(CHAIN), T0.toEpochMilli());
        assertThat(window.blocks().values()).extracting(BlockSample::blockNumber, BlockSample::finality)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(100L, Finality.CONFIRMED),
                        org.assertj.core.groups.Tuple.tuple(101L, Finality.PROVISIONAL));
        assertThat(window.blocks().values()).extracting(BlockSample::txCount).containsExactlyInAnyOrder(10, 5);
    }

    @Test
    void shouldTrackNewestAndConfirmedBlockPerChain() {
        TransferEvent transfer = observed(tx(1), 0, 100, "a", T0, ALICE, BOB, ONE);
        send(transfer);
        send(transfer.withStatus(TransferStatus.CONFIRMED, 12));
        sendBlock(block(112, "a", T0.plusSeconds(24), BlockStatus.OBSERVED, 1, "1"));

        ChainProgress progress = driver.<String, ChainProgress>getKeyValueStore(AnalyticsTopology.PROGRESS_STORE)
                .get(Long.toString(CHAIN));
        assertThat(progress).isEqualTo(new ChainProgress(112, T0.getEpochSecond() + 24, 100, T0.getEpochSecond()));
    }

    private void send(TransferEvent event) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.write(headers, new CloudEvent(event.cloudEventId(), "/test", event.status().cloudEventType(),
                Instant.now(), event.eventId()));
        transfers.pipeInput(new TestRecord<>(event.kafkaKey(), event, headers, Instant.now()));
    }

    private void sendBlock(BlockEvent event) {
        blocks.pipeInput(new TestRecord<>(event.kafkaKey(), event, new RecordHeaders(), Instant.now()));
    }

    private static BlockEvent block(long number, String fork, Instant time, BlockStatus status, int txs, String p50) {
        return new BlockEvent(CHAIN, number, TransferFixtures.blockHash(number, fork),
                TransferFixtures.blockHash(number - 1, fork), time.getEpochSecond(), status, txs, 0, "21000",
                "30000000", "7", p50, p50);
    }

    private TokenWindow tokenWindow(WindowSpec spec, Instant at) {
        TokenWindow window = tokenWindowOrNull(spec, at);
        assertThat(window).as("window " + spec.label() + " at " + at).isNotNull();
        return window;
    }

    private TokenWindow tokenWindowOrNull(WindowSpec spec, Instant at) {
        long size = spec.size().toMillis();
        long start = Math.floorDiv(at.toEpochMilli(), size) * size;
        return driver.<String, TokenWindow>getWindowStore(spec.tokenStore())
                .fetch(AggregateKeys.token(CHAIN, TOKEN), start);
    }

    private PartyWindow party(WindowSpec spec, String key, Instant at) {
        long size = spec.size().toMillis();
        PartyWindow window = driver.<String, PartyWindow>getWindowStore(spec.partyStore())
                .fetch(key, Math.floorDiv(at.toEpochMilli(), size) * size);
        return window == null ? PartyWindow.EMPTY : window;
    }

    private List<String> partyKeys(WindowSpec spec, String prefix) {
        WindowStore<String, PartyWindow> store = driver.getWindowStore(spec.partyStore());
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, PartyWindow> all = store.all()) {
            all.forEachRemaining((KeyValue<Windowed<String>, PartyWindow> entry) -> {
                if (entry.key.key().startsWith(prefix)) {
                    keys.add(entry.key.key());
                }
            });
        }
        return keys;
    }
}
