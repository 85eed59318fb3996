package io.chainhub.listener.ingest;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.chainhub.events.block.BlockEvent;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.kafka.TransactionalShutdown;
import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TransferEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes one follower step (events + checkpoint) in a single Kafka transaction. The transactional id
 * is stable per chain, so a restarted listener fences a zombie predecessor and aborts its half-done
 * transaction before reading the checkpoint back.
 */
public final class ChainPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String followerId;
    private final String transferTopic;
    private final String blockTopic;
    private boolean inTransaction;

    /**
     * @param followerId stable per chain and deployment ({@code <transaction-id-prefix>chain-<chainId>}):
     *                   the transactional id and the checkpoint key
     */
    public ChainPublisher(Map<String, Object> kafkaProperties, String followerId, String transferTopic,
                          String blockTopic) {
        Map<String, Object> props = new HashMap<>(kafkaProperties);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, followerId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // commitTransaction() flushes at once, so batching costs live latency nothing and helps catch-up a lot
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // a step commits in well under a second; a listener that dies mid-step holds back read_committed
        // consumers of token-transfers only this long (the broker default is a minute) if it is not restarted
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 15_000);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(props);
        this.followerId = followerId;
        this.transferTopic = transferTopic;
        this.blockTopic = blockTopic;
        producer.initTransactions();
    }

    public void publish(Publication publication) {
        producer.beginTransaction();
        inTransaction = true;
        try {
            Instant now = Instant.now();
            for (TransferEvent transfer : publication.transfers()) {
                producer.send(EventRecords.transfer(transferTopic, transfer, now, publication.deepReorg()));
            }
            for (BlockEvent block : publication.blocks()) {
                producer.send(EventRecords.block(blockTopic, block, now));
            }
            producer.send(new ProducerRecord<>(Topics.LISTENER_CHECKPOINTS, followerId,
                    EventJson.mapper().writeValueAsBytes(publication.checkpoint())));
            producer.commitTransaction();
            inTransaction = false;
        } catch (RuntimeException e) {
            // fenced or broken: the caller recreates the publisher, whose initTransactions() aborts for us
            TransactionalShutdown.abortQuietly(producer);
            inTransaction = false;
            throw e;
        }
    }

    /** Also when the follower thread is interrupted: no transaction is left open on the broker. */
    @Override
    public void close() {
        TransactionalShutdown.close(producer, inTransaction);
    }
}
