package io.chainhub.listener.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.chainhub.devchain.DevChain;
import io.chainhub.events.custody.ChainCommand;
import io.chainhub.events.custody.ChainReply;
import io.chainhub.events.kafka.CloudEvent;
import io.chainhub.events.kafka.CloudEventHeaders;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.topics.Topics;
import io.chainhub.testsupport.ChainHubIntegrationTest;
import io.chainhub.testsupport.KafkaTestConsumer;
import io.chainhub.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The chain gateway against the real broker, PostgreSQL and anvil: commands in, one signed
 * transaction per withdrawal on chain, replies out.
 */
@ChainHubIntegrationTest(properties = {
        // anvil dev account 9: no other test signs with it
        "chainhub.gateway.private-key=" + ChainGatewayIT.HOT_WALLET_KEY,
        "chainhub.gateway.poll-interval=100ms"})
class ChainGatewayIT {

    static final String HOT_WALLET_KEY = "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6";

    private static DevChain chain;
    private static KafkaProducer<String, String> producer;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void connect() {
        chain = DevChain.connect(TestInfrastructure.get().anvil().httpUrl());
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()), new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void close() {
        producer.close();
        chain.close();
    }

    @Test
    void shouldBroadcastExactlyOneTransactionWhenCommandRedelivered() {
        String withdrawal = UUID.randomUUID().toString();
        String destination = randomAddress();
        ChainCommand command = command(withdrawal, destination, ChainCommand.Action.SIGN_AND_BROADCAST, 1);

        try (KafkaTestConsumer replies = KafkaTestConsumer.subscribe(Topics.CHAIN_GATEWAY_REPLIES)) {
            send(command);
            send(command);
            send(command(withdrawal, destination, ChainCommand.Action.REBROADCAST, 2));

            ChainReply broadcast = reply(replies.awaitRecord(r -> r.key().equals(withdrawal) && r.value().contains("BROADCAST"),
                    Duration.ofSeconds(20)));
            chain.mine(2);
            ChainReply confirmed = reply(replies.awaitRecord(r -> r.key().equals(withdrawal) && r.value().contains("CONFIRMED"),
                    Duration.ofSeconds(20)));

            assertThat(confirmed.txHash()).isEqualTo(broadcast.txHash());
            assertThat(confirmed.confirmations()).isGreaterThanOrEqualTo(2);
        }
        assertThat(chain.ethBalance(destination)).isEqualTo(BigInteger.valueOf(12345));
        assertThat(jdbc.sql("SELECT count(*) FROM gateway_tx WHERE withdrawal_id = ?").param(withdrawal)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void shouldReportDroppedThenConfirmSameTransactionWhenReorgRemovesIt() {
        String withdrawal = UUID.randomUUID().toString();
        String destination = randomAddress();

        try (KafkaTestConsumer replies = KafkaTestConsumer.subscribe(Topics.CHAIN_GATEWAY_REPLIES)) {
            send(command(withdrawal, destination, ChainCommand.Action.SIGN_AND_BROADCAST, 1));
            ChainReply broadcast = reply(replies.awaitRecord(r -> r.key().equals(withdrawal) && r.value().contains("BROADCAST"),
                    Duration.ofSeconds(20)));
            Awaitility.await("gateway saw the receipt").atMost(Duration.ofSeconds(20)).until(() ->
                    jdbc.sql("SELECT block_hash FROM gateway_tx WHERE withdrawal_id = ?").param(withdrawal)
                            .query(String.class).optional().isPresent());

            chain.reorg(1);

            ChainReply dropped = reply(replies.awaitRecord(r -> r.key().equals(withdrawal) && r.value().contains("DROPPED"),
                    Duration.ofSeconds(20)));
            Awaitility.await("rebroadcast mined").atMost(Duration.ofSeconds(20)).until(() ->
                    chain.web3j().ethGetTransactionReceipt(broadcast.txHash()).send().getTransactionReceipt().isPresent());
            chain.mine(2);
            ChainReply confirmed = reply(replies.awaitRecord(r -> r.key().equals(withdrawal) && r.value().contains("CONFIRMED"),
                    Duration.ofSeconds(20)));

            assertThat(dropped.txHash()).isEqualTo(broadcast.txHash());
            assertThat(confirmed.txHash()).isEqualTo(broadcast.txHash());
            assertThat(confirmed.blockHash()).isNotEqualTo(dropped.blockHash());
        }
        assertThat(chain.ethBalance(destination)).isEqualTo(BigInteger.valueOf(12345));
    }

    private static ChainCommand command(String withdrawal, String destination, ChainCommand.Action action, int attempt) {
        return new ChainCommand(withdrawal + ":chain:" + attempt, withdrawal, action, 31337, null, "12345", destination, 2,
                Instant.now());
    }

    private static void send(ChainCommand command) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.CHAIN_GATEWAY_COMMANDS, command.withdrawalId(),
                EventJson.mapper().writeValueAsString(command));
        CloudEventHeaders.write(record.headers(), new CloudEvent(command.commandId(), "/test", ChainCommand.TYPE,
                Instant.now(), command.withdrawalId()));
        producer.send(record);
        producer.flush();
    }

    private static ChainReply reply(ConsumerRecord<String, String> record) {
        return EventJson.mapper().readValue(record.value(), ChainReply.class);
    }

    private static String randomAddress() {
        byte[] bytes = new byte[20];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "0x" + HexFormat.of().formatHex(bytes);
    }

}
