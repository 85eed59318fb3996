package io.chainhub.saga.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.chainhub.events.kafka.CloudEvent;
import io.chainhub.events.kafka.CloudEventHeaders;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TokenRef;
import io.chainhub.events.transfer.TokenStandard;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;
import io.chainhub.testsupport.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/** Test fixture: accounts, deposit addresses, transfer events as the listener publishes them, balances. */
public final class Custody {

    public static final long CHAIN = 31337;
    private static KafkaProducer<String, String> producer;

    private final SagaApi api;

    public Custody(SagaApi api) {
        this.api = api;
    }

    public static String randomAddress() {
        byte[] bytes = new byte[20];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    public static String randomHash() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    public String account(String group) {
        SagaApi.Answer created = api.post("/api/accounts", Map.of("owner", "acme", "group", group), "alice", "operator");
        assertThat(created.status()).isEqualTo(201);
        return created.text("id");
    }

    public String depositAddress(String account) {
        String address = randomAddress();
        SagaApi.Answer assigned = api.post("/api/accounts/" + account + "/deposit-addresses",
                Map.of("chainId", CHAIN, "address", address), "alice", "operator");
        assertThat(assigned.status()).isEqualTo(201);
        return address;
    }

    /** An ERC-20 transfer of {@code value} base units of {@code token} (6 decimals) to {@code to}. */
    public static TransferEvent transfer(String token, String to, String value, TransferStatus status, String blockHash, String txHash) {
        return new TransferEvent(CHAIN + ":" + txHash + ":0", status, CHAIN, 100, blockHash, Instant.now().getEpochSecond(),
                txHash, 0, TokenStandard.ERC20, new TokenRef(token, "USDX", 6), randomAddress(), to, value, null,
                status == TransferStatus.CONFIRMED ? 2 : 0);
    }

    public static void publish(TransferEvent transfer) {
        publishRaw(transfer.kafkaKey(), EventJson.mapper().writeValueAsString(transfer), transfer.cloudEventId());
    }

    public static synchronized void publishRaw(String key, String value, String ceId) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestInfrastructure.get().kafkaBootstrapServers()), new StringSerializer(), new StringSerializer());
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.TOKEN_TRANSFERS, key, value);
        CloudEventHeaders.write(record.headers(), new CloudEvent(ceId, "/test", "io.chainhub.transfer.test.v1", Instant.now(), ceId));
        producer.send(record);
        producer.flush();
    }

    /** Funds {@code account} with a confirmed deposit of {@code value} and waits for it to be available. */
    public String fund(String account, String value) {
        String token = randomAddress();
        publish(transfer(token, depositAddress(account), value, TransferStatus.CONFIRMED, randomHash(), randomHash()));
        awaitBalance(account, token, value, "0", "0");
        return token;
    }

    public JsonNode balance(String account, String token) {
        for (JsonNode balance : api.get("/api/accounts/" + account + "/balances", "viewer", "viewer").body()) {
            if (balance.path("token").asString().equals(token)) {
                return balance;
            }
        }
        return EventJson.mapper().createObjectNode();
    }

    public void awaitBalance(String account, String token, String available, String held, String pending) {
        Awaitility.await("balance of " + account).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode balance = balance(account, token);
            assertThat(balance.path("available").asString()).as("available").isEqualTo(available);
            assertThat(balance.path("held").asString()).as("held").isEqualTo(held);
            assertThat(balance.path("pending").asString()).as("pending").isEqualTo(pending);
        });
    }

    public void assertLedgerSound() {
        SagaApi.Answer check = api.get("/api/ledger/check", "viewer", "viewer");
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.body().path("sound").asBoolean()).as(check.body().toString()).isTrue();
    }
}
