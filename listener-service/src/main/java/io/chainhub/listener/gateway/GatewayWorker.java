package io.chainhub.listener.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chainhub.events.custody.ChainCommand;
import io.chainhub.events.custody.ChainReply;
import io.chainhub.events.kafka.CloudEvent;
import io.chainhub.events.kafka.CloudEventHeaders;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.kafka.TransactionalShutdown;
import io.chainhub.events.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The gateway's Kafka loop, consume-transform-produce: each command's replies and its consumed offset
 * are committed in ONE Kafka transaction (read_committed consumer, transactional producer). A command
 * that fails (node unreachable) is retried from its offset; an unreadable one goes to the dead-letter
 * topic in the same kind of transaction. Between polls the loop follows receipts.
 */
final class GatewayWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GatewayWorker.class);
    private static final String SOURCE = "/chainhub/listener/gateway";

    private final ChainGateway gateway;
    private final GatewayProperties properties;
    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> producerConfig;
    private volatile Thread thread;

    GatewayWorker(ChainGateway gateway, GatewayProperties properties, Map<String, Object> kafkaConsumer,
                  Map<String, Object> kafkaProducer, String transactionalId) {
        this.gateway = gateway;
        this.properties = properties;
        this.consumerConfig = new HashMap<>(kafkaConsumer);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        this.producerConfig = new HashMap<>(kafkaProducer);
        producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    }

    private void run() {
        while (thread == Thread.currentThread()) {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig);
                 KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
                producer.initTransactions();
                consumer.subscribe(List.of(Topics.CHAIN_GATEWAY_COMMANDS));
                log.info("chain gateway for chain {} signing as {}", properties.chainId(), gateway.hotWallet());
                while (thread == Thread.currentThread()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(properties.pollInterval())) {
                        process(record, consumer, producer);
                    }
                    ChainGateway.Tracking tracked = gateway.track();
                    if (!tracked.replies().isEmpty()) {
                        inTransaction(producer, () -> tracked.replies().forEach(reply -> producer.send(replyRecord(reply))));
                        tracked.recordSent(); // only once the replies are committed on Kafka (see Tracking)
                    }
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                return;
            } catch (Exception e) {
                if (thread != Thread.currentThread()) {
                    return;
                }
                // node or broker trouble: start over from the committed offsets (nothing was committed half)
                log.warn("chain gateway loop failed, restarting: {}", e.toString());
                try {
                    Thread.sleep(properties.pollInterval().multipliedBy(2));
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void process(ConsumerRecord<String, String> record, KafkaConsumer<String, String> consumer,
                         KafkaProducer<String, String> producer) throws Exception {
        ChainCommand command;
        try {
            command = EventJson.mapper().readValue(record.value(), ChainCommand.class);
            if (command.withdrawalId() == null || command.amount() == null || command.destination() == null) {
                throw new IllegalArgumentException("incomplete chain command");
            }
        } catch (RuntimeException unreadable) {
            deadLetter(record, unreadable, consumer, producer);
            return;
        }
        List<ChainReply> replies = gateway.handle(command); // throws: the loop restarts from the committed offset
        inTransaction(producer, () -> {
            replies.forEach(reply -> producer.send(replyRecord(reply)));
            producer.sendOffsetsToTransaction(offsetAfter(record), consumer.groupMetadata());
        });
    }

    /**
     * Sends and commits, or aborts: also when the thread is interrupted by stop(), so the producer is never
     * closed with a transaction open (which would hold back the saga's read_committed consumers).
     */
    private static void inTransaction(KafkaProducer<String, String> producer, Runnable sends) {
        producer.beginTransaction();
        try {
            sends.run();
            producer.commitTransaction();
        } catch (RuntimeException e) {
            TransactionalShutdown.abortQuietly(producer);
            throw e;
        }
    }

    private void deadLetter(ConsumerRecord<String, String> record, RuntimeException reason,
                            KafkaConsumer<String, String> consumer, KafkaProducer<String, String> producer) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(record.topic() + Topics.DEAD_LETTER_SUFFIX, 0,
                record.key(), record.value(), record.headers());
        dead.headers().add("kafka_dlt-exception-message", String.valueOf(reason.getMessage()).getBytes());
        dead.headers().add("kafka_dlt-original-topic", record.topic().getBytes());
        inTransaction(producer, () -> {
            producer.send(dead);
            producer.sendOffsetsToTransaction(offsetAfter(record), consumer.groupMetadata());
        });
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsetAfter(ConsumerRecord<String, String> record) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
        offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        return offsets;
    }

    private static ProducerRecord<String, String> replyRecord(ChainReply reply) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.CHAIN_GATEWAY_REPLIES, reply.withdrawalId(),
                EventJson.mapper().writeValueAsString(reply));
        CloudEventHeaders.write(record.headers(), new CloudEvent(reply.replyId(), SOURCE, ChainReply.TYPE,
                reply.at() == null ? Instant.now() : reply.at(), reply.withdrawalId()));
        return record;
    }

    @Override
    public void start() {
        Thread created = Thread.ofPlatform().name("chain-gateway").daemon().unstarted(this::run);
        thread = created; // assigned before start: run() loops while it is the current thread
        created.start();
    }

    @Override
    public void stop() {
        Thread current = thread;
        thread = null;
        if (current != null) {
            current.interrupt();
            try {
                current.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
