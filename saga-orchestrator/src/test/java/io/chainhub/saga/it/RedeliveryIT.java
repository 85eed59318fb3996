package io.chainhub.saga.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.chainhub.events.custody.ChainReply;
import io.chainhub.events.kafka.CloudEvent;
import io.chainhub.events.kafka.CloudEventHeaders;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.topics.Topics;
import io.chainhub.testsupport.ChainHubIntegrationTest;
import io.chainhub.testsupport.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a crash between the database commit and the Kafka offset commit looks like from the outside:
 * the same reply delivered again (same ce_id), or a participant answering twice (new ce_id). Neither
 * may move money twice.
 */
@ChainHubIntegrationTest
class RedeliveryIT extends WithdrawalScenarioSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldSettleOnceWhenConfirmationDeliveredAgain() {
        String account = custody.account("auto");
        String token = custody.fund(account, "100");
        String id = api.post("/api/withdrawals", Map.of("accountId", account, "chainId", Custody.CHAIN, "token", token,
                "amount", "60", "destination", Custody.randomAddress()), "alice").text("id");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                api.get("/api/withdrawals/" + id, "viewer", "viewer").text("state").equals("COMPLETED"));
        String txHash = api.get("/api/withdrawals/" + id, "viewer", "viewer").text("txHash");

        String sameId = id + ":confirmed:" + txHash;
        String newId = id + ":confirmed:again-" + txHash;
        publish(id, sameId, txHash);
        publish(id, newId, txHash);

        Awaitility.await("second reply consumed").atMost(Duration.ofSeconds(20)).until(() ->
                jdbc.sql("SELECT count(*) FROM inbox_message WHERE message_id = ?").param(newId).query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT count(*) FROM journal_entry WHERE saga_id = ? AND reason = 'withdrawal.settle'")
                .param(id).query(Long.class).single()).isEqualTo(2); // one journal transaction: HELD and EXTERNAL lines
        custody.awaitBalance(account, token, "40", "0", "0");
        custody.assertLedgerSound();
    }

    private static void publish(String withdrawal, String ceId, String txHash) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()), new StringSerializer(), new StringSerializer())) {
            ChainReply reply = new ChainReply(ceId, withdrawal, ChainReply.Outcome.CONFIRMED, txHash, 9L, "0xb", 5, null,
                    Instant.now());
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.CHAIN_GATEWAY_REPLIES, withdrawal,
                    EventJson.mapper().writeValueAsString(reply));
            CloudEventHeaders.write(record.headers(), new CloudEvent(ceId, "/test", ChainReply.TYPE, Instant.now(), withdrawal));
            producer.send(record);
        }
    }
}
