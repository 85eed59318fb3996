package io.chainhub.fraud.it;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

/**
 * Publishes what the listener would (same serde, key and CloudEvents headers, in a Kafka transaction), so
 * the fraud service's tests need no chain.
 */
final class TransferProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private int sequence;

    TransferProducer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "fraud-it-" + UUID.randomUUID()),
                new StringSerializer(), new StringSerializer());
        producer.initTransactions();
    }

    static String randomAddress() {
        return "0x" + UUID.randomUUID().toString().replace("-", "") + String.format("%08x", (int) (Math.random() * Integer.MAX_VALUE));
    }

    /** A native transfer of {@code wei} observed now. */
    TransferEvent transfer(String from, String to, String wei) {
        sequence++;
        String tx = "0x" + UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        return new TransferEvent("31337:" + tx + ":native", TransferStatus.OBSERVED, 31337, 1000 + sequence,
                "0x" + UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", ""),
                Instant.now().getEpochSecond(), tx, null, TokenStandard.NATIVE, new TokenRef(null, "ETH", 18), from, to,
                wei, null, 0);
    }

    void publish(TransferEvent... transfers) {
        producer.beginTransaction();
        for (TransferEvent transfer : List.of(transfers)) {
            var record = new ProducerRecord<>(Topics.TOKEN_TRANSFERS, transfer.kafkaKey(),
                    EventJson.mapper().writeValueAsString(transfer));
            CloudEventHeaders.write(record.headers(), new CloudEvent(transfer.cloudEventId(), "/chainhub/listener/31337",
                    "io.chainhub.transfer." + transfer.status().name().toLowerCase() + ".v1", Instant.now(),
                    transfer.eventId()));
            producer.send(record);
        }
        producer.commitTransaction();
    }

    void publishRaw(String topic, String key, String json, CloudEvent event) {
        producer.beginTransaction();
        var record = new ProducerRecord<>(topic, key, json);
        CloudEventHeaders.write(record.headers(), event);
        producer.send(record);
        producer.commitTransaction();
    }

    @Override
    public void close() {
        producer.close();
    }
}
