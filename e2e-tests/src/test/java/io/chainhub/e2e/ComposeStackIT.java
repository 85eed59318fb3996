package io.chainhub.e2e;

import java.io.File;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import io.chainhub.devchain.DemoContracts;
import io.chainhub.devchain.DevChain;
import io.chainhub.devchain.TxResult;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;
import io.chainhub.testsupport.KafkaTestConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same end-to-end flow against {@code docker compose} (Testcontainers), for machines with a Docker
 * engine: {@code ./mvnw -B install -DskipTests && ./mvnw -B verify -pl e2e-tests -Pcompose}. Not part of the
 * default build (no engine runs on CI). Uses the compose file's fixed host ports.
 */
class ComposeStackIT {

    private static final ComposeContainer compose = new ComposeContainer(new File("../docker-compose.yml"))
            .withBuild(true)
            .waitingFor("listener-service", Wait.forHealthcheck())
            .waitingFor("notification-service", Wait.forHealthcheck())
            .waitingFor("fraud-service", Wait.forHealthcheck())
            .waitingFor("analytics-service", Wait.forHealthcheck())
            .waitingFor("saga-orchestrator", Wait.forHealthcheck())
            .withStartupTimeout(Duration.ofMinutes(15));

    @BeforeAll
    static void up() {
        compose.start();
    }

    @AfterAll
    static void down() {
        compose.stop();
    }

    @Test
    void shouldPublishObservedThenConfirmedWhenTransferIsMadeOnAnvil() {
        try (DevChain chain = DevChain.connect("http://localhost:8545");
             KafkaTestConsumer transfers = KafkaTestConsumer.subscribe("localhost:9092", Topics.TOKEN_TRANSFERS)) {
            DemoContracts demo = chain.deployDemoContracts(DevChain.account(0));
            TxResult tx = chain.transferErc20(DevChain.account(0), demo.token(), DevChain.account(1).getAddress(),
                    BigInteger.TEN);
            chain.mine(2);

            List<ConsumerRecord<String, String>> records =
                    transfers.awaitRecords(record -> record.key().equals("31337:" + tx.txHash()), 2, Duration.ofSeconds(30));

            assertThat(records).extracting(r -> EventJson.mapper().readValue(r.value(), TransferEvent.class).status())
                    .containsExactly(TransferStatus.OBSERVED, TransferStatus.CONFIRMED);
        }
    }
}
