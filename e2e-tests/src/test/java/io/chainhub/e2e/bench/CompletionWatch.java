package io.chainhub.e2e.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * Follows {@code custody-events} as any consumer would (read_committed) and notes when each withdrawal
 * ended: the benchmark learns of completions without polling the orchestrator it is measuring.
 */
final class CompletionWatch implements AutoCloseable {

    /** A withdrawal that ended otherwise than COMPLETED, or stopped to wait for approvers: the run is void. */
    record Spoiled(String sagaId, String type, String details) {
    }

    private static final List<String> SPOILING = List.of("custody.withdrawal.awaiting_approval", "custody.withdrawal.rejected",
            "custody.withdrawal.cancelled", "custody.withdrawal.expired", "custody.withdrawal.failed");

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, Instant> completed = new ConcurrentHashMap<>();
    private final Map<String, Spoiled> spoiled = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile RuntimeException died;

    CompletionWatch(String bootstrapServers) {
        quietKafkaClientLogs();
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.CUSTODY_EVENTS));
        thread = Thread.ofPlatform().name("custody-events-watch").daemon().start(this::follow);
    }

    /** The client's INFO lines (group joins, offset resets) would bury the benchmark's progress lines. */
    private static void quietKafkaClientLogs() {
        if (org.slf4j.LoggerFactory.getLogger("org.apache.kafka") instanceof ch.qos.logback.classic.Logger kafka) {
            kafka.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private void follow() {
        try {
            while (true) {
                consumer.poll(Duration.ofMillis(200)).forEach(this::note);
            }
        } catch (WakeupException closing) {
            // close() asked
        } catch (RuntimeException e) {
            died = e; // reported by spoiled(): a silent watch would look like a stalled orchestrator
        } finally {
            consumer.close();
        }
    }

    private void note(ConsumerRecord<String, String> record) {
        JsonNode event = EventJson.mapper().readTree(record.value());
        String type = event.path("type").asString();
        String sagaId = event.path("sagaId").asString();
        if (type.equals("custody.withdrawal.completed")) {
            // the first publication counts (after a crash the outbox may publish it again)
            completed.putIfAbsent(sagaId, instant(event.path("occurredAt")));
        } else if (SPOILING.contains(type)) {
            spoiled.putIfAbsent(sagaId, new Spoiled(sagaId, type, event.path("details").toString()));
        }
    }

    /** ISO-8601, or epoch seconds with a fraction if a mapper writes dates as numbers. */
    private static Instant instant(JsonNode value) {
        if (value.isNumber()) {
            java.math.BigDecimal seconds = value.decimalValue();
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(java.math.BigDecimal.ONE).movePointRight(9).longValue());
        }
        return Instant.parse(value.asString());
    }

    /** When each completed withdrawal settled (the orchestrator's clock: the COMPLETED transition). */
    Map<String, Instant> completed() {
        return Map.copyOf(completed);
    }

    int completedCount() {
        return completed.size();
    }

    /** Withdrawals that spoiled the run; throws if the watch itself stopped. */
    List<Spoiled> spoiled() {
        if (died != null) {
            throw new IllegalStateException("custody-events watch stopped", died);
        }
        return List.copyOf(spoiled.values());
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
