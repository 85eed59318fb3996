package io.chainhub.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Reads a topic from the beginning as a consumer service would (read_committed, own group) and
 * waits for the records a test expects. Keys and values are strings (JSON for ChainHub's topics).
 * Not thread-safe: one test thread per consumer.
 */
public final class KafkaTestConsumer implements AutoCloseable {

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    private KafkaTestConsumer(String bootstrapServers, String topic) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-consumer-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // A test consumer must not create a topic the application is meant to create.
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Subscribes to {@code topic} on the {@link TestInfrastructure} broker. */
    public static KafkaTestConsumer subscribe(String topic) {
        return subscribe(TestInfrastructure.get().kafkaBootstrapServers(), topic);
    }

    public static KafkaTestConsumer subscribe(String bootstrapServers, String topic) {
        return new KafkaTestConsumer(bootstrapServers, topic);
    }

    /**
     * Polls until {@code count} records received so far (including by earlier calls) match, and
     * returns the first {@code count} of them in arrival order; fails with what arrived otherwise.
     */
    public List<ConsumerRecord<String, String>> awaitRecords(Predicate<ConsumerRecord<String, String>> predicate,
                                                             int count, Duration timeout) {
        try {
            Awaitility.await("records on " + topic)
                    .atMost(timeout)
                    .pollInSameThread() // KafkaConsumer belongs to one thread
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(100)).forEach(received::add);
                        return matching(predicate).size() >= count;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected " + count + " matching record(s) on " + topic + " within " + timeout
                    + ", got " + matching(predicate).size() + " among " + received.size() + " received:\n" + describe(), e);
        }
        return List.copyOf(matching(predicate).subList(0, count));
    }

    public ConsumerRecord<String, String> awaitRecord(Predicate<ConsumerRecord<String, String>> predicate, Duration timeout) {
        return awaitRecords(predicate, 1, timeout).getFirst();
    }

    /** Everything polled so far. */
    public List<ConsumerRecord<String, String>> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        consumer.close();
    }

    private List<ConsumerRecord<String, String>> matching(Predicate<ConsumerRecord<String, String>> predicate) {
        return received.stream().filter(predicate).toList();
    }

    private String describe() {
        return received.stream().skip(Math.max(0, received.size() - 20))
                .map(r -> "  " + r.partition() + "@" + r.offset() + " " + r.key() + " = " + r.value())
                .collect(Collectors.joining("\n"));
    }
}
