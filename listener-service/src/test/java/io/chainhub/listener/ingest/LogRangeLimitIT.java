package io.chainhub.listener.ingest;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.chainhub.devchain.CompiledContract;
import io.chainhub.devchain.DevChain;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;
import io.chainhub.listener.proxy.RangeLimitedRpcProxy;
import io.chainhub.testsupport.ChainHubIntegrationTest;
import io.chainhub.testsupport.KafkaTestConsumer;
import io.chainhub.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backfill through a node that refuses {@code eth_getLogs} over more than 5 blocks (a proxy in front of
 * anvil, the listener's only endpoint): the range shrinks until the node accepts it, and every transfer of
 * the backfill is still published exactly once per status.
 */
@ChainHubIntegrationTest
class LogRangeLimitIT {

    private static final int MAX_RANGE = 5;
    private static final int SPRAYS = 12;
    private static final int PER_SPRAY = 25;
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final String TOPIC = TestInfrastructure.get().uniqueName("transfers-range") + "-" + System.currentTimeMillis();
    private static final RangeLimitedRpcProxy PROXY = RangeLimitedRpcProxy.start(TestInfrastructure.get().anvil().httpUrl(), MAX_RANGE);
    private static Backfill backfill;

    @Autowired
    ChainFollowers followers;

    /** Blocks firstBlock..lastBlock: sprays of ERC-20 transfers, native transfers and empty blocks. */
    record Backfill(long firstBlock, long lastBlock, List<String> nativeTxs, int expected) {
    }

    @DynamicPropertySource
    static void listenThroughTheProxyFromBeforeTheBackfill(DynamicPropertyRegistry registry) {
        registry.add("chainhub.listener.transfers-topic", () -> TOPIC);
        registry.add("chainhub.listener.max-blocks-per-step", () -> 40);
        // the whole chains list comes from one property source: every field of the chain is given here
        registry.add("chainhub.listener.chains[0].chain-id", () -> 31337);
        registry.add("chainhub.listener.chains[0].name", () -> "anvil-behind-range-limit");
        registry.add("chainhub.listener.chains[0].rpc-urls", PROXY::url);
        registry.add("chainhub.listener.chains[0].confirmations", () -> 2);
        registry.add("chainhub.listener.chains[0].start-block", () -> backfill().firstBlock());
    }

    /** Made on chain before the context (and its follower) starts, so the follower has to backfill it. */
    static synchronized Backfill backfill() {
        if (backfill == null) {
            createTopic();
            try (DevChain chain = DevChain.connect(TestInfrastructure.get().anvil().httpUrl())) {
                String token = chain.deploy(DevChain.account(3), CompiledContract.load("BulkToken")).contractAddress();
                long first = chain.blockNumber() + 1;
                List<String> natives = new ArrayList<>();
                for (int i = 0; i < SPRAYS; i++) {
                    chain.execute(DevChain.account(3), token, new Function("spray", List.of(new Uint256(PER_SPRAY)), List.of()));
                    if (i % 3 == 0) {
                        natives.add(chain.sendEth(DevChain.account(3), DevChain.account(4).getAddress(), BigInteger.valueOf(1_000 + i)).txHash());
                        chain.mine(2);
                    }
                }
                long last = chain.blockNumber();
                chain.mine(2); // the last block reaches the confirmation depth
                backfill = new Backfill(first, last, natives, SPRAYS * PER_SPRAY + natives.size());
            }
        }
        return backfill;
    }

    @AfterAll
    static void stopProxy() {
        PROXY.close();
    }

    @Test
    void shouldPublishEveryTransferOncePerStatusWhenNodeRefusesWideLogRanges() {
        Backfill made = backfill();
        Predicate<ConsumerRecord<String, String>> inBackfill = record -> {
            long block = read(record).blockNumber();
            return block >= made.firstBlock() && block <= made.lastBlock();
        };
        try (KafkaTestConsumer transfers = KafkaTestConsumer.subscribe(TOPIC)) {
            transfers.awaitRecords(inBackfill.and(status(TransferStatus.OBSERVED)), made.expected(), WAIT);
            transfers.awaitRecords(inBackfill.and(status(TransferStatus.CONFIRMED)), made.expected(), WAIT);

            List<String> published = transfers.received().stream().filter(inBackfill).map(LogRangeLimitIT::read)
                    .map(event -> event.eventId() + "/" + event.status()).toList();
            assertThat(published).doesNotHaveDuplicates().hasSize(2 * made.expected());
            assertThat(published).contains(made.nativeTxs().stream().map(tx -> "31337:" + tx + ":native/OBSERVED").toArray(String[]::new));
        }
        assertThat(PROXY.refused()).as("getLogs calls refused for their range").isPositive();
        assertThat(PROXY.served()).as("getLogs calls accepted").isPositive();
        assertThat(followers.runtime(31337).orElseThrow().blocks().logRange().size()).isLessThanOrEqualTo(2 * MAX_RANGE);
    }

    private static void createTopic() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + TOPIC, e);
        }
    }

    private static Predicate<ConsumerRecord<String, String>> status(TransferStatus status) {
        return record -> read(record).status() == status;
    }

    private static TransferEvent read(ConsumerRecord<String, String> record) {
        return EventJson.mapper().readValue(record.value(), TransferEvent.class);
    }
}
