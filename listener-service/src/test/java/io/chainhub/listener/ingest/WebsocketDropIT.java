package io.chainhub.listener.ingest;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.chainhub.devchain.DemoContracts;
import io.chainhub.devchain.DevChain;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;
import io.chainhub.listener.proxy.DroppableTcpProxy;
import io.chainhub.testsupport.ChainHubIntegrationTest;
import io.chainhub.testsupport.KafkaTestConsumer;
import io.chainhub.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.crypto.Credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The websocket that announces new heads is cut (a TCP relay in front of anvil's port drops every
 * connection and refuses new ones) while transfers continue, then restored. HTTP polling is set to minutes,
 * so only the websocket wakes the follower: the transfers made while it was down are published once it
 * has reconnected, and every transfer is on the topic exactly once per status.
 */
@ChainHubIntegrationTest
class WebsocketDropIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Credentials OWNER = DevChain.account(4);
    private static final String BOB = DevChain.account(3).getAddress();
    private static final String TOPIC = TestInfrastructure.get().uniqueName("transfers-ws") + "-" + System.currentTimeMillis();
    private static final DroppableTcpProxy PROXY = DroppableTcpProxy.start(TestInfrastructure.get().anvil().port());

    @Autowired
    ChainFollowers followers;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void headsOnlyThroughTheRelay(DynamicPropertyRegistry registry) {
        createTopic();
        registry.add("chainhub.listener.transfers-topic", () -> TOPIC);
        registry.add("chainhub.listener.poll-interval", () -> "10m");
        registry.add("chainhub.listener.chains[0].chain-id", () -> 31337);
        registry.add("chainhub.listener.chains[0].name", () -> "anvil-behind-droppable-ws");
        registry.add("chainhub.listener.chains[0].rpc-urls", () -> TestInfrastructure.get().anvil().httpUrl());
        registry.add("chainhub.listener.chains[0].ws-urls", PROXY::wsUrl);
        registry.add("chainhub.listener.chains[0].confirmations", () -> 2);
    }

    @AfterAll
    static void stopProxy() {
        PROXY.close();
    }

    @Test
    void shouldPublishEveryTransferOncePerStatusWhenWebsocketDropsAndReconnects() {
        HeadWatcher watcher = followers.headWatcher(31337).orElseThrow();
        await("websocket connected").atMost(WAIT).until(watcher::connected);
        List<String> txs = new ArrayList<>();
        try (DevChain chain = DevChain.connect(TestInfrastructure.get().anvil().httpUrl());
             KafkaTestConsumer transfers = KafkaTestConsumer.subscribe(TOPIC)) {
            FollowerProgress.awaitCaughtUp(followers, chain, WAIT);
            String token = chain.deployDemoContracts(OWNER).token();
            txs.add(chain.transferErc20(OWNER, token, BOB, BigInteger.ONE).txHash());
            transfers.awaitRecord(ofTxs(txs).and(status(TransferStatus.OBSERVED)), WAIT);

            PROXY.cut();
            await("websocket drop noticed").atMost(WAIT).until(() -> !watcher.connected());
            for (int i = 0; i < 3; i++) {
                txs.add(chain.transferErc20(OWNER, token, BOB, BigInteger.valueOf(10 + i)).txHash());
            }
            txs.add(chain.sendEth(OWNER, BOB, BigInteger.valueOf(12_345)).txHash());
            PROXY.restore();
            await("websocket reconnected").atMost(WAIT).until(() -> watcher.connected() && watcher.reconnects() >= 1);

            txs.add(chain.transferErc20(OWNER, token, BOB, BigInteger.valueOf(99)).txHash());
            chain.mine(2); // every transfer reaches the confirmation depth

            transfers.awaitRecords(ofTxs(txs).and(status(TransferStatus.OBSERVED)), txs.size(), WAIT);
            transfers.awaitRecords(ofTxs(txs).and(status(TransferStatus.CONFIRMED)), txs.size(), WAIT);
            List<String> published = transfers.received().stream().filter(ofTxs(txs)).map(WebsocketDropIT::read)
                    .map(event -> event.eventId() + "/" + event.status()).toList();
            assertThat(published).doesNotHaveDuplicates().hasSize(2 * txs.size());
        }
        assertThat(meters.counter("chainhub.listener.ws.reconnects", "chain", "31337").count()).isGreaterThanOrEqualTo(1);
        assertThat(PROXY.accepted()).as("connections through the relay").isGreaterThanOrEqualTo(2);
    }

    private static Predicate<ConsumerRecord<String, String>> ofTxs(List<String> txs) {
        return record -> txs.stream().anyMatch(tx -> record.key().equals("31337:" + tx));
    }

    private static Predicate<ConsumerRecord<String, String>> status(TransferStatus status) {
        return record -> read(record).status() == status;
    }

    private static TransferEvent read(ConsumerRecord<String, String> record) {
        return EventJson.mapper().readValue(record.value(), TransferEvent.class);
    }

    private static void createTopic() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + TOPIC, e);
        }
    }
}
