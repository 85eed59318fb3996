package io.chainhub.listener.ingest;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import io.chainhub.devchain.CompiledContract;
import io.chainhub.devchain.DevChain;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.listener.ListenerProcess;
import io.chainhub.testsupport.KafkaTestConsumer;
import io.chainhub.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listener jar killed with SIGKILL in the middle of a backfill and started again: every transfer is
 * on {@code token-transfers} exactly once per status, none missing.
 */
class CrashRecoveryIT {

    private static final int TRANSACTIONS = 12;
    private static final int PER_TRANSACTION = 100;
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final Path JAR = Path.of("target/listener-service-0.1.0-SNAPSHOT.jar");

    private final TestInfrastructure infra = TestInfrastructure.get();

    @Test
    void shouldPublishEveryTransferOncePerStatusWhenKilledMidBackfillAndRestarted() throws Exception {
        String database = infra.createDatabase();
        String prefix = infra.uniqueName("crash") + "-";
        try (DevChain chain = DevChain.connect(infra.anvil().httpUrl());
             KafkaTestConsumer transfers = KafkaTestConsumer.subscribe(Topics.TOKEN_TRANSFERS)) {
            String token = chain.deploy(DevChain.account(2), CompiledContract.load("BulkToken")).contractAddress();
            long first = chain.blockNumber() + 1;
            for (int i = 0; i < TRANSACTIONS; i++) {
                chain.execute(DevChain.account(2), token, new Function("spray", List.of(new Uint256(PER_TRANSACTION)), List.of()));
            }
            chain.mine(2); // bury the last blocks at the anvil stack's confirmation depth
            Predicate<ConsumerRecord<String, String>> ofToken = record -> record.value().contains(token.toLowerCase());
            int total = TRANSACTIONS * PER_TRANSACTION;

            // one block per Kafka transaction: many commits to be killed between
            ListenerProcess first1 = ListenerProcess.start(JAR, first, Files.createTempFile("crash-1", ".log"), database, prefix, 1);
            transfers.awaitRecords(ofToken, PER_TRANSACTION, WAIT);
            first1.kill();
            long beforeRestart = transfers.received().stream().filter(ofToken).count();
            try (ListenerProcess second = ListenerProcess.start(JAR, first, Files.createTempFile("crash-2", ".log"),
                    database, prefix, 1)) {
                List<ConsumerRecord<String, String>> all = transfers.awaitRecords(ofToken, 2 * total, WAIT);

                List<String> statuses = transfers.received().stream().filter(ofToken)
                        .map(record -> EventJson.mapper().readValue(record.value(), TransferEvent.class))
                        .map(event -> event.eventId() + "/" + event.status()).toList();
                assertThat(beforeRestart).as("killed mid-backfill").isLessThan(2L * total);
                assertThat(all).hasSize(2 * total);
                assertThat(statuses).doesNotHaveDuplicates().hasSize(2 * total);
                assertThat(statuses.stream().filter(s -> s.endsWith("/OBSERVED")).count()).isEqualTo(total);
            }
        }
    }

    /**
     * A fresh start ("latest") is committed as soon as the listener is ready: killed before any new block and
     * started again after a transfer and more blocks, it resumes from where it was ready, not from the new head.
     */
    @Test
    void shouldPublishTransferMadeAfterReadyWhenKilledBeforeFirstBlockAndRestarted() throws Exception {
        String database = infra.createDatabase();
        String prefix = infra.uniqueName("fresh") + "-";
        String recipient = String.format("0x%040x", new BigInteger(128, new java.util.Random()));
        try (DevChain chain = DevChain.connect(infra.anvil().httpUrl());
             KafkaTestConsumer transfers = KafkaTestConsumer.subscribe(Topics.TOKEN_TRANSFERS)) {
            ListenerProcess first = ListenerProcess.start(JAR, -1, Files.createTempFile("fresh-1", ".log"), database, prefix, 50);
            first.awaitReady(WAIT);
            first.kill();

            chain.sendEth(DevChain.account(3), recipient, BigInteger.TEN.pow(15));
            chain.mine(3); // the head moves past the transfer's block

            try (ListenerProcess second = ListenerProcess.start(JAR, -1, Files.createTempFile("fresh-2", ".log"),
                    database, prefix, 50)) {
                List<ConsumerRecord<String, String>> received = transfers.awaitRecords(
                        record -> record.value().contains(recipient), 1, WAIT);
                assertThat(received).isNotEmpty();
            }
        }
    }
}
