package io.chainhub.notification.support;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.chainhub.events.custody.CustodyEvent;
import io.chainhub.events.fraud.AlertSeverity;
import io.chainhub.events.fraud.FraudAlertEvent;
import io.chainhub.events.kafka.CloudEvent;
import io.chainhub.events.kafka.CloudEventHeaders;
import io.chainhub.events.kafka.JsonSerde;
import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TokenRef;
import io.chainhub.events.transfer.TokenStandard;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;
import io.chainhub.testsupport.TestInfrastructure;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events as their owners do: the common-events serde, CloudEvents headers, a transactional
 * producer (so read_committed consumers see them only after commit). One per test JVM.
 */
public final class Events {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Events INSTANCE = new Events();

    private final KafkaProducer<String, byte[]> producer;

    private Events() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "notification-test-" + UUID.randomUUID(),
                ProducerConfig.ACKS_CONFIG, "all",
                // a transaction begun right after the previous commit gets CONCURRENT_TRANSACTIONS until the broker
                // has written the commit markers: retry soon rather than after the default 100 ms
                ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "5",
                ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, "50"), new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
    }

    public static Events get() {
        return INSTANCE;
    }

    public static String randomAddress() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    public static String randomHash() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    /** An ERC-20 transfer of {@code value} base units (6 decimals, "USDC") from → to, OBSERVED. */
    public static TransferEvent transfer(String from, String to, String token, String value) {
        String txHash = randomHash();
        return new TransferEvent("31337:" + txHash + ":0", TransferStatus.OBSERVED, 31337, 100, randomHash(),
                Instant.now().getEpochSecond(), txHash, 0, TokenStandard.ERC20, new TokenRef(token, "USDC", 6),
                from, to, value, null, 0);
    }

    public synchronized void publish(List<TransferEvent> transfers) {
        producer.beginTransaction();
        for (TransferEvent t : transfers) {
            send(Topics.TOKEN_TRANSFERS, t.kafkaKey(), JsonSerde.of(TransferEvent.class).serializer().serialize(Topics.TOKEN_TRANSFERS, t),
                    new CloudEvent(t.cloudEventId(), "/chainhub/listener/31337", t.status().cloudEventType(), Instant.now(), t.eventId()));
        }
        producer.commitTransaction();
    }

    public void publish(TransferEvent transfer) {
        publish(List.of(transfer));
    }

    public static FraudAlertEvent alert(String subject, AlertSeverity severity) {
        return new FraudAlertEvent(UUID.randomUUID().toString(), FraudAlertEvent.AlertAction.RAISED, "large-transfer", 1,
                severity, 31337, subject, List.of(), 1, Instant.now(), Instant.now(), "Large transfer from " + subject, Map.of());
    }

    public synchronized void publish(FraudAlertEvent alert) {
        producer.beginTransaction();
        send(Topics.FRAUD_ALERTS, alert.subject(), JsonSerde.of(FraudAlertEvent.class).serializer().serialize(Topics.FRAUD_ALERTS, alert),
                new CloudEvent(alert.cloudEventId(), "/chainhub/fraud", alert.cloudEventType(), Instant.now(), alert.alertId()));
        producer.commitTransaction();
    }

    public synchronized void publish(CustodyEvent event) {
        producer.beginTransaction();
        send(Topics.CUSTODY_EVENTS, event.sagaId(), JsonSerde.of(CustodyEvent.class).serializer().serialize(Topics.CUSTODY_EVENTS, event),
                new CloudEvent(event.eventId(), "/chainhub/custody", event.cloudEventType(), Instant.now(), event.sagaId()));
        producer.commitTransaction();
    }

    /** Raw bytes, for poison-record tests. */
    public synchronized void publishRaw(String topic, String key, byte[] value) {
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic, key, value));
        producer.commitTransaction();
    }

    private void send(String topic, String key, byte[] value, CloudEvent ce) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        CloudEventHeaders.write(record.headers(), ce);
        producer.send(record);
    }
}
