package io.chainhub.saga.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;
import io.chainhub.testsupport.ChainHubIntegrationTest;
import io.chainhub.testsupport.KafkaTestConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The deposit saga against the real broker and PostgreSQL, fed with transfer events as the listener publishes them. */
@ChainHubIntegrationTest
class DepositIT {

    @LocalServerPort
    int port;

    private SagaApi api;
    private Custody custody;

    @BeforeEach
    void setUp() {
        api = new SagaApi(port);
        custody = new Custody(api);
    }

    @Test
    void shouldCreditPendingThenAvailableThenReverseWhenTransferObservedConfirmedReverted() {
        String account = custody.account("default");
        String address = custody.depositAddress(account);
        String token = Custody.randomAddress();
        TransferEvent observed = Custody.transfer(token, address, "2500000", TransferStatus.OBSERVED,
                Custody.randomHash(), Custody.randomHash());

        try (KafkaTestConsumer events = KafkaTestConsumer.subscribe(Topics.CUSTODY_EVENTS)) {
            Custody.publish(observed);
            custody.awaitBalance(account, token, "0", "0", "2500000");
            custody.assertLedgerSound();

            Custody.publish(observed.withStatus(TransferStatus.CONFIRMED, 2));
            custody.awaitBalance(account, token, "2500000", "0", "0");
            custody.assertLedgerSound();

            Custody.publish(observed.withStatus(TransferStatus.REVERTED, 0));
            custody.awaitBalance(account, token, "0", "0", "0");
            custody.assertLedgerSound();

            var published = events.awaitRecords(r -> r.value().contains(observed.eventId()), 3, Duration.ofSeconds(20));
            assertThat(published).extracting(r -> header(r, "ce_type")).containsExactly(
                    "io.chainhub.custody.deposit.pending.v1", "io.chainhub.custody.deposit.credited.v1",
                    "io.chainhub.custody.deposit.reversed.v1");
            assertThat(published).allMatch(r -> r.key().equals(account));
        }
        var deposits = api.get("/api/deposits?accountId=" + account, "viewer", "viewer").body();
        assertThat(deposits.get(0).path("state").asString()).isEqualTo("REVERSED");
    }

    @Test
    void shouldCreditOnceWhenTransferRedelivered() {
        String account = custody.account("default");
        String address = custody.depositAddress(account);
        String token = Custody.randomAddress();
        TransferEvent observed = Custody.transfer(token, address, "700", TransferStatus.OBSERVED,
                Custody.randomHash(), Custody.randomHash());

        Custody.publish(observed);
        Custody.publish(observed);
        Custody.publish(observed.withStatus(TransferStatus.CONFIRMED, 2));
        Custody.publish(observed.withStatus(TransferStatus.CONFIRMED, 2));

        custody.awaitBalance(account, token, "700", "0", "0");
        assertThat(api.get("/api/accounts/" + account + "/journal", "viewer", "viewer").body().size()).isEqualTo(3);
        custody.assertLedgerSound();
    }

    @Test
    void shouldCreditAgainWhenTransferReincludedInAnotherBlockAfterReorg() {
        String account = custody.account("default");
        String address = custody.depositAddress(account);
        String token = Custody.randomAddress();
        String txHash = Custody.randomHash();
        TransferEvent first = Custody.transfer(token, address, "50", TransferStatus.CONFIRMED, Custody.randomHash(), txHash);
        TransferEvent reincluded = Custody.transfer(token, address, "50", TransferStatus.CONFIRMED, Custody.randomHash(), txHash);

        Custody.publish(first);
        Custody.publish(first.withStatus(TransferStatus.REVERTED, 0));
        Custody.publish(reincluded);

        custody.awaitBalance(account, token, "50", "0", "0");
        custody.assertLedgerSound();
    }

    @Test
    void shouldAnswer409WhenAddressBelongsToAnotherAccount() {
        String address = custody.depositAddress(custody.account("default"));

        SagaApi.Answer answer = api.post("/api/accounts/" + custody.account("default") + "/deposit-addresses",
                Map.of("chainId", Custody.CHAIN, "address", address), "alice", "operator");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.text("detail")).contains("already belongs to another account");
    }

    @Test
    void shouldDeadLetterTransferWhenUnreadable() {
        try (KafkaTestConsumer dlt = KafkaTestConsumer.subscribe(Topics.TOKEN_TRANSFERS + Topics.DEAD_LETTER_SUFFIX)) {
            String ceId = "poison-" + Custody.randomHash();
            Custody.publishRaw("31337:poison", "{not json", ceId);

            ConsumerRecord<String, String> dead = dlt.awaitRecord(r -> "{not json".equals(r.value()), Duration.ofSeconds(30));
            assertThat(header(dead, "kafka_dlt-exception-message")).contains("not a valid TransferEvent");
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
