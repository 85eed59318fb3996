package io.chainhub.listener.ingest;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import io.chainhub.devchain.DemoContracts;
import io.chainhub.devchain.DevChain;
import io.chainhub.devchain.TxResult;
import io.chainhub.events.block.BlockEvent;
import io.chainhub.events.block.BlockStatus;
import io.chainhub.events.kafka.CloudEventHeaders;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TokenStandard;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferHeaders;
import io.chainhub.events.transfer.TransferStatus;
import io.chainhub.testsupport.ChainHubIntegrationTest;
import io.chainhub.testsupport.KafkaTestConsumer;
import io.chainhub.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.web3j.crypto.Credentials;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listener against a real anvil chain and a real broker: what is made on chain appears on
 * {@code token-transfers} once per status, confirmed at depth 2, and reverted when a reorg removes it.
 */
@ChainHubIntegrationTest
class ChainIngestIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Credentials OWNER = DevChain.account(0);
    private static final String BOB = DevChain.account(1).getAddress();

    private static DevChain chain;
    private static DemoContracts demo;

    @Autowired
    ChainFollowers followers;

    @BeforeAll
    static void deployContracts() {
        chain = DevChain.connect(TestInfrastructure.get().anvil().httpUrl());
        demo = chain.deployDemoContracts(OWNER);
    }

    @BeforeEach
    void followerStarted() {
        FollowerProgress.awaitCaughtUp(followers, chain, WAIT);
    }

    @AfterAll
    static void disconnect() {
        chain.close();
    }

    @Test
    void shouldPublishObservedThenConfirmedWhenErc20Transferred() {
        try (KafkaTestConsumer transfers = KafkaTestConsumer.subscribe(Topics.TOKEN_TRANSFERS)) {
            TxResult tx = chain.transferErc20(OWNER, demo.token(), BOB, BigInteger.valueOf(1_234_567));
            chain.mine(2);

            List<ConsumerRecord<String, String>> records = transfers.awaitRecords(ofTx(tx), 2, WAIT);

            TransferEvent observed = read(records.get(0));
            TransferEvent confirmed = read(records.get(1));
            assertThat(observed.status()).isEqualTo(TransferStatus.OBSERVED);
            assertThat(observed.standard()).isEqualTo(TokenStandard.ERC20);
            assertThat(observed.value()).isEqualTo("1234567");
            assertThat(observed.to()).isEqualTo(BOB.toLowerCase());
            assertThat(observed.token().symbol()).isEqualTo(DemoContracts.TOKEN_SYMBOL);
            assertThat(observed.token().decimals()).isEqualTo(DemoContracts.TOKEN_DECIMALS);
            assertThat(observed.blockHash()).isEqualTo(tx.blockHash());
            assertThat(confirmed.status()).isEqualTo(TransferStatus.CONFIRMED);
            assertThat(confirmed.confirmations()).isEqualTo(2);
            assertThat(confirmed.eventId()).isEqualTo(observed.eventId());
            assertThat(records.get(0).key()).isEqualTo("31337:" + tx.txHash());
            assertThat(CloudEventHeaders.read(records.get(1).headers())).hasValueSatisfying(ce -> {
                assertThat(ce.id()).isEqualTo(observed.eventId() + "@" + tx.blockHash() + ":CONFIRMED");
                assertThat(ce.type()).isEqualTo("io.chainhub.transfer.confirmed.v1");
            });
        }
    }

    @Test
    void shouldPublishOneEventPerTokenIdOfEveryStandard() {
        try (KafkaTestConsumer transfers = KafkaTestConsumer.subscribe(Topics.TOKEN_TRANSFERS)) {
            TxResult nft = chain.mintErc721(OWNER, demo.nft(), BOB, BigInteger.valueOf(9001));
            TxResult batch = chain.mintBatchErc1155(OWNER, demo.multi(), BOB,
                    List.of(BigInteger.ONE, BigInteger.TWO), List.of(BigInteger.TEN, BigInteger.valueOf(20)));
            TxResult eth = chain.sendEth(OWNER, BOB, new BigInteger("250000000000000000"));

            TransferEvent minted = read(transfers.awaitRecord(ofTx(nft).and(observed()), WAIT));
            List<TransferEvent> ids = transfers.awaitRecords(ofTx(batch).and(observed()), 2, WAIT).stream()
                    .map(ChainIngestIT::read).toList();
            TransferEvent value = read(transfers.awaitRecord(ofTx(eth).and(observed()), WAIT));

            assertThat(minted.standard()).isEqualTo(TokenStandard.ERC721);
            assertThat(minted.tokenId()).isEqualTo("9001");
            assertThat(minted.from()).isEqualTo("0x" + "0".repeat(40));
            assertThat(ids).extracting(TransferEvent::standard).containsOnly(TokenStandard.ERC1155);
            assertThat(ids).extracting(TransferEvent::tokenId, TransferEvent::value)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("1", "10"),
                            org.assertj.core.groups.Tuple.tuple("2", "20"));
            assertThat(ids.get(1).eventId()).endsWith(":1");
            assertThat(value.standard()).isEqualTo(TokenStandard.NATIVE);
            assertThat(value.eventId()).isEqualTo("31337:" + eth.txHash() + ":native");
            assertThat(value.value()).isEqualTo("250000000000000000");
        }
    }

    @Test
    void shouldRevertTransferAndBlockWhenReorgRemovesItsBlock() {
        try (KafkaTestConsumer transfers = KafkaTestConsumer.subscribe(Topics.TOKEN_TRANSFERS);
             KafkaTestConsumer blocks = KafkaTestConsumer.subscribe(Topics.CHAIN_BLOCKS)) {
            TxResult tx = chain.transferErc20(OWNER, demo.token(), BOB, BigInteger.valueOf(777));
            transfers.awaitRecord(ofTx(tx).and(observed()), WAIT);

            chain.reorg(1);

            TransferEvent reverted = read(transfers.awaitRecord(ofTx(tx).and(status(TransferStatus.REVERTED)), WAIT));
            assertThat(reverted.blockHash()).isEqualTo(tx.blockHash());
            assertThat(reverted.value()).isEqualTo("777");
            BlockEvent revertedBlock = EventJson.mapper().readValue(blocks.awaitRecord(record ->
                    record.value().contains(tx.blockHash()) && record.value().contains("\"REVERTED\""), WAIT).value(),
                    BlockEvent.class);
            assertThat(revertedBlock.status()).isEqualTo(BlockStatus.REVERTED);
            assertThat(revertedBlock.blockNumber()).isEqualTo(tx.blockNumber());
        }
    }

    @Test
    void shouldFlagDeepReorgWhenConfirmedTransferIsRemoved() {
        try (KafkaTestConsumer transfers = KafkaTestConsumer.subscribe(Topics.TOKEN_TRANSFERS)) {
            TxResult tx = chain.transferErc20(OWNER, demo.token(), BOB, BigInteger.valueOf(4242));
            chain.mine(2);
            transfers.awaitRecord(ofTx(tx).and(status(TransferStatus.CONFIRMED)), WAIT);

            chain.reorg(3);

            ConsumerRecord<String, String> reverted = transfers.awaitRecord(ofTx(tx).and(status(TransferStatus.REVERTED)), WAIT);
            assertThat(reverted.headers().lastHeader(TransferHeaders.DEEP_REORG).value())
                    .isEqualTo("true".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldPublishEveryStatusOnceWithoutGapWhenFollowerRestarts() {
        try (KafkaTestConsumer transfers = KafkaTestConsumer.subscribe(Topics.TOKEN_TRANSFERS)) {
            TxResult before = chain.transferErc20(OWNER, demo.token(), BOB, BigInteger.valueOf(1));
            transfers.awaitRecord(ofTx(before).and(observed()), WAIT);

            followers.stop();
            TxResult whileDown = chain.transferErc20(OWNER, demo.token(), BOB, BigInteger.valueOf(2));
            chain.mine(2);
            followers.start();

            transfers.awaitRecords(ofTx(whileDown), 2, WAIT);
            transfers.awaitRecords(ofTx(before), 2, WAIT);
            chain.mine(1);
            transfers.awaitRecord(ofTx(chain.transferErc20(OWNER, demo.token(), BOB, BigInteger.valueOf(3))), WAIT);
            assertThat(transfers.received().stream().filter(ofTx(before).or(ofTx(whileDown))).map(ChainIngestIT::read)
                    .map(event -> event.eventId() + "/" + event.status()).toList())
                    .doesNotHaveDuplicates()
                    .hasSize(4);
        }
    }

    private static Predicate<ConsumerRecord<String, String>> ofTx(TxResult tx) {
        return record -> record.key().equals("31337:" + tx.txHash());
    }

    private static Predicate<ConsumerRecord<String, String>> observed() {
        return status(TransferStatus.OBSERVED);
    }

    private static Predicate<ConsumerRecord<String, String>> status(TransferStatus status) {
        return record -> read(record).status() == status;
    }

    private static TransferEvent read(ConsumerRecord<String, String> record) {
        return EventJson.mapper().readValue(record.value(), TransferEvent.class);
    }
}
