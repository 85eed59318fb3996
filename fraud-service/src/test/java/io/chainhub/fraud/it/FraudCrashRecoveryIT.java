package io.chainhub.fraud.it;

import static io.chainhub.fraud.it.TransferProducer.randomAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.chainhub.events.fraud.FraudAlertEvent;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.fraud.it.FraudProcess.Deployment;
import io.chainhub.localstack.postgres.Postgres;
import io.chainhub.testsupport.KafkaTestConsumer;
import io.chainhub.testsupport.TempDirs;
import io.chainhub.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * The fraud-service jar killed with SIGKILL while its Streams transaction is open (alerts already written to
 * fraud-alerts but not committed, more transfers not yet read) and started again on the same deployment:
 * every expected alert is on fraud-alerts (read_committed) exactly once, and in the database once.
 */
class FraudCrashRecoveryIT {

    private static final int BEFORE_KILL = 50;
    /** While the service runs, transfers keep coming in batches like this (at most MAX_AFTER_KILL of them). */
    private static final int BATCH = 20;
    private static final int MAX_AFTER_KILL = 20_000;
    private static final Duration WAIT = Duration.ofMinutes(3);

    @Test
    void shouldRaiseEveryAlertExactlyOnceWhenKilledMidStreamAndRestarted() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        String name = infra.uniqueName("fraud-crash");
        Deployment deployment = new Deployment(infra.createDatabase(), name + "-rules",
                TempDirs.create(name + "-state-"), name, name + "-tx-");
        String sanctioned = randomAddress();
        try (TransferProducer producer = new TransferProducer();
             KafkaTestConsumer committed = KafkaTestConsumer.subscribe(Topics.FRAUD_ALERTS);
             KafkaConsumer<String, String> uncommitted = readUncommitted(infra.kafkaBootstrapServers())) {
            List<TransferEvent> first = transfersTo(producer, sanctioned, BEFORE_KILL);
            Set<String> senders = ConcurrentHashMap.newKeySet();
            first.forEach(t -> senders.add(t.from()));
            Set<String> secondSenders = ConcurrentHashMap.newKeySet();
            Predicate<ConsumerRecord<String, String>> ours = record -> senders.contains(record.key());
            AtomicBoolean feeding = new AtomicBoolean(true);

            FraudProcess crashing = FraudProcess.start(deployment, Files.createTempFile("fraud-crash-1-", ".log"));
            try {
                crashing.awaitReady(WAIT);
                assertThat(new Api(crashing.port()).put("/api/watchlists/sanctions/addresses/" + sanctioned,
                        "{\"label\":\"crash test\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
                publish(producer, first);
                committed.awaitRecords(ours, BEFORE_KILL, WAIT);

                // Transfers keep arriving until the kill, so input is still unread however fast the service is;
                // kill as soon as one of their alerts is written, seen before its Streams transaction commits.
                Thread feeder = Thread.ofPlatform().name("crash-feeder").start(() -> {
                    while (feeding.get() && secondSenders.size() < MAX_AFTER_KILL) {
                        List<TransferEvent> batch = transfersTo(producer, sanctioned, BATCH);
                        batch.forEach(t -> {
                            secondSenders.add(t.from());
                            senders.add(t.from());
                        });
                        publish(producer, batch);
                    }
                });
                try {
                    awaitUncommittedAlertOf(uncommitted, secondSenders, WAIT);
                } finally {
                    crashing.kill();
                    feeding.set(false);
                    feeder.join();
                }
            } finally {
                crashing.kill();
            }
            assertThat(pendingInput(infra.kafkaBootstrapServers(), deployment.applicationId()))
                    .as("transfers not yet consumed when killed").isPositive();

            try (FraudProcess restarted = FraudProcess.start(deployment, Files.createTempFile("fraud-crash-2-", ".log"))) {
                restarted.awaitReady(WAIT);
                int expected = senders.size();
                committed.awaitRecords(ours, expected, WAIT);
                await("alert rows projected").atMost(WAIT).untilAsserted(() -> assertThat(
                        alertRows(deployment.database(), senders)).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "rows", (long) expected, "ids", (long) expected, "raisedActivities", (long) expected,
                        "subjects", (long) expected)));
                // poll once more after the projection caught up, so that a late duplicate would be among them
                committed.awaitRecords(ours, expected, WAIT);

                List<FraudAlertEvent> alerts = committed.received().stream().filter(ours)
                        .map(record -> EventJson.mapper().readValue(record.value(), FraudAlertEvent.class)).toList();
                assertThat(alerts).extracting(FraudAlertEvent::action).containsOnly(FraudAlertEvent.AlertAction.RAISED);
                assertThat(alerts).extracting(FraudAlertEvent::alertId).doesNotHaveDuplicates()
                        .hasSize(expected);
                assertThat(alerts).extracting(FraudAlertEvent::subject).containsExactlyInAnyOrderElementsOf(senders);
            }
        }
    }

    /** One transfer from a fresh sender to the sanctioned address each: one watchlist alert per sender. */
    private static List<TransferEvent> transfersTo(TransferProducer producer, String sanctioned, int count) {
        List<TransferEvent> transfers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            transfers.add(producer.transfer(randomAddress(), sanctioned, "1000"));
        }
        return transfers;
    }

    private static void publish(TransferProducer producer, List<TransferEvent> transfers) {
        for (int i = 0; i < transfers.size(); i += BATCH) {
            producer.publish(transfers.subList(i, Math.min(transfers.size(), i + BATCH)).toArray(TransferEvent[]::new));
        }
    }

    private static KafkaConsumer<String, String> readUncommitted(String bootstrap) {
        var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "crash-uncommitted-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.FRAUD_ALERTS));
        return consumer;
    }

    private static void awaitUncommittedAlertOf(KafkaConsumer<String, String> consumer, Set<String> senders,
            Duration timeout) {
        await("an alert of the second batch written").atMost(timeout).pollInSameThread()
                .pollInterval(Duration.ofMillis(1))
                .until(() -> {
                    for (var record : consumer.poll(Duration.ofMillis(20))) {
                        if (senders.contains(record.key())) {
                            return true;
                        }
                    }
                    return false;
                });
    }

    /** Records of token-transfers the Streams application had not committed as consumed. */
    private static long pendingInput(String bootstrap, String applicationId) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var offsets = admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
            var partitions = admin.describeTopics(List.of(Topics.TOKEN_TRANSFERS)).allTopicNames().get()
                    .get(Topics.TOKEN_TRANSFERS).partitions().stream()
                    .map(p -> new TopicPartition(Topics.TOKEN_TRANSFERS, p.partition()))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            long pending = 0;
            for (var end : admin.listOffsets(partitions).all().get().entrySet()) {
                var done = offsets.get(end.getKey());
                pending += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return pending;
        }
    }

    /**
     * The deployment's alert rows about {@code subjects}: its projection also stores alerts other tests' services
     * put on the shared fraud-alerts topic.
     */
    private static Map<String, Long> alertRows(String database, Set<String> subjects) throws Exception {
        try (var connection = DriverManager.getConnection(database, Postgres.USER, Postgres.PASSWORD);
             var query = connection.prepareStatement("""
                     SELECT count(*), count(DISTINCT a.id), count(DISTINCT a.subject_address),
                            (SELECT count(*) FROM fraud.alert_activity v JOIN fraud.fraud_alert r ON r.id = v.alert_id
                             WHERE v.action = 'RAISED' AND r.subject_address = ANY (?))
                     FROM fraud.fraud_alert a WHERE a.rule_id = 'watchlist' AND a.subject_address = ANY (?)""")) {
            var array = connection.createArrayOf("varchar", subjects.toArray());
            query.setArray(1, array);
            query.setArray(2, array);
            try (var result = query.executeQuery()) {
                result.next();
                return Map.of("rows", result.getLong(1), "ids", result.getLong(2), "subjects", result.getLong(3),
                        "raisedActivities", result.getLong(4));
            }
        }
    }
}
