package io.chainhub.notification.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.notification.support.Api;
import io.chainhub.notification.support.Events;
import io.chainhub.notification.support.WebhookReceiver;
import io.chainhub.testsupport.ChainHubIntegrationTest;
import io.chainhub.testsupport.KafkaTestConsumer;
import io.chainhub.testsupport.TestInfrastructure;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Crashes and replays: whatever the consumer re-reads, each (event, subscription, channel) stays one
 * delivery; a delivery claimed by a sender that died goes out when its lease ends; poison goes to the DLT.
 */
@ChainHubIntegrationTest
class IngestRecoveryIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    @RegisterExtension
    static final WebhookReceiver RECEIVER = WebhookReceiver.start();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaListenerEndpointRegistry registry;
    @Value("${spring.kafka.consumer.group-id}")
    String group;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void shouldKeepOneDeliveryWhenSameEventPublishedTwice() {
        String to = Events.randomAddress();
        String id = subscribe(to);
        TransferEvent transfer = Events.transfer(Events.randomAddress(), to, Events.randomAddress(), "5");

        Events.get().publish(transfer);
        Events.get().publish(transfer);
        TransferEvent sentinel = sameTransaction(transfer);
        Events.get().publish(sentinel); // same key, same partition: consumed after both copies

        await().atMost(WAIT).until(() -> deliveries(id) == 4);
        assertThat(deliveriesOf(id, transfer.eventId())).isEqualTo(2); // webhook + email, once each
    }

    @Test
    void shouldNotDoubleDeliveriesWhenConsumerReplaysFromStart() {
        String to = Events.randomAddress();
        String id = subscribe(to);
        TransferEvent transfer = Events.transfer(Events.randomAddress(), to, Events.randomAddress(), "5");
        Events.get().publish(transfer);
        await().atMost(WAIT).until(() -> deliveries(id) == 2);
        Map<String, Long> progress = storedProgress();
        UUID lost = anyDeliveryOf(id);

        // the crash that loses everything but the delivery rows: no stored offsets, Kafka back to 0
        restartConsumerWith(() -> {
            jdbc.sql("DELETE FROM consumer_offset").update();
            jdbc.sql("DELETE FROM delivery WHERE id = ?").param(lost).update();
        });

        await().atMost(WAIT).untilAsserted(() -> assertThat(storedProgress()).isEqualTo(progress));
        assertThat(deliveries(id)).isEqualTo(2); // the deleted row came back
        assertThat(doubledDeliveries()).isZero(); // and no (event, subscription, channel) has two rows
    }

    @Test
    void shouldResumeFromStoredPositionWhenKafkaOffsetsAreBehind() {
        String to = Events.randomAddress();
        String id = subscribe(to);
        TransferEvent transfer = Events.transfer(Events.randomAddress(), to, Events.randomAddress(), "5");
        Events.get().publish(transfer);
        await().atMost(WAIT).until(() -> deliveries(id) == 2);
        UUID gone = anyDeliveryOf(id);

        // the crash between the database commit and the Kafka commit: Kafka's offsets lag behind
        restartConsumerWith(() -> jdbc.sql("DELETE FROM delivery WHERE id = ?").param(gone).update());
        TransferEvent sentinel = sameTransaction(transfer);
        Events.get().publish(sentinel);

        await().atMost(WAIT).until(() -> deliveriesOf(id, sentinel.eventId()) == 2);
        assertThat(deliveries(id)).isEqualTo(3); // the record before the stored position was not read again
    }

    @Test
    void shouldSendDeliveryWhenLeaseOfDeadSenderEnds() {
        WebhookReceiver.Endpoint endpoint = RECEIVER.endpoint();
        String to = Events.randomAddress();
        String id = api.createSubscription(Map.of("name", "lease", "eventTypes", List.of("transfer.observed"),
                "addresses", List.of(to), "webhook", Map.of("url", endpoint.url()))).path("id").asString();
        Instant leaseEnd = Instant.now().plusSeconds(2);
        // as left by an instance that claimed the delivery (lease until leaseEnd) and died before sending
        jdbc.sql("""
                INSERT INTO delivery (id, delivery_key, subscription_id, channel, webhook_id, event_type, subject, payload,
                  status, attempts, next_attempt_at, created_at)
                VALUES (?, ?, ?, 'WEBHOOK', 'msg_leased', 'transfer.observed', 'x', '{"type":"transfer.observed"}',
                  'PENDING', 0, ?, now())""")
                .params(UUID.randomUUID(), "lease-" + id, UUID.fromString(id), Timestamp.from(leaseEnd))
                .update();

        await().atMost(WAIT).until(() -> endpoint.received().size() == 1);
        assertThat(endpoint.received().getFirst().webhookId()).isEqualTo("msg_leased");
        assertThat(endpoint.received().getFirst().at()).isAfterOrEqualTo(leaseEnd.minusMillis(50));
    }

    @Test
    void shouldParkUnreadableRecordOnDeadLetterTopic() {
        String key = "poison-" + UUID.randomUUID();
        try (KafkaTestConsumer dlt = KafkaTestConsumer.subscribe(Topics.TOKEN_TRANSFERS + Topics.DEAD_LETTER_SUFFIX)) {
            Events.get().publishRaw(Topics.TOKEN_TRANSFERS, key, "{not json".getBytes());

            var parked = dlt.awaitRecord(r -> key.equals(r.key()), WAIT);

            assertThat(parked.value()).isEqualTo("{not json");
            assertThat(new String(parked.headers().lastHeader("kafka_dlt-exception-message").value())).contains("unreadable");
        }
    }

    private void restartConsumerWith(Runnable whileStopped) {
        MessageListenerContainer container = registry.getListenerContainer(EventIngest.LISTENER_ID);
        container.stop();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
            for (int p = 0; p < 6; p++) {
                zero.put(new TopicPartition(Topics.TOKEN_TRANSFERS, p), new OffsetAndMetadata(0));
            }
            await().atMost(WAIT).ignoreExceptions().until(() -> {
                admin.alterConsumerGroupOffsets(group, zero).all().get();
                return true;
            });
            whileStopped.run();
        } finally {
            container.start();
        }

    }

    private String subscribe(String address) {
        return api.createSubscription(Map.of("name", "replay", "eventTypes", List.of("transfer.observed"),
                "addresses", List.of(address), "webhook", Map.of("url", RECEIVER.endpoint().url()),
                "email", "replay@example.com")).path("id").asString();
    }

    private static TransferEvent sameTransaction(TransferEvent t) {
        return new TransferEvent(t.chainId() + ":" + t.txHash() + ":1", t.status(), t.chainId(), t.blockNumber(),
                t.blockHash(), t.blockTimestamp(), t.txHash(), 1, t.standard(), t.token(), t.from(), t.to(), "6",
                null, 0);
    }

    private Map<String, Long> storedProgress() {
        return jdbc.sql("SELECT topic || ':' || partition_id AS tp, next_offset FROM consumer_offset WHERE consumer_group = ? AND topic = ?")
                .params(group, Topics.TOKEN_TRANSFERS).query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private long deliveries(String subscriptionId) {
        return jdbc.sql("SELECT count(*) FROM delivery WHERE subscription_id = ?").param(UUID.fromString(subscriptionId))
                .query(Long.class).single();
    }

    private long deliveriesOf(String subscriptionId, String eventId) {
        return jdbc.sql("SELECT count(*) FROM delivery WHERE subscription_id = ? AND subject = ?")
                .params(UUID.fromString(subscriptionId), eventId).query(Long.class).single();
    }

    private long doubledDeliveries() {
        return jdbc.sql("SELECT count(*) - count(DISTINCT (subject, event_type, subscription_id, channel)) FROM delivery")
                .query(Long.class).single();
    }

    private UUID anyDeliveryOf(String subscriptionId) {
        return jdbc.sql("SELECT id FROM delivery WHERE subscription_id = ? LIMIT 1").param(UUID.fromString(subscriptionId))
                .query(UUID.class).single();
    }
}
