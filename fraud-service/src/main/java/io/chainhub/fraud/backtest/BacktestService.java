package io.chainhub.fraud.backtest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.fraud.rule.RuleConfig;
import io.chainhub.fraud.rule.RuleParameters;
import io.chainhub.fraud.rule.RuleRegistry;
import io.chainhub.fraud.rule.RuleSet;
import io.chainhub.fraud.watchlist.WatchlistRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reads a time range of {@code token-transfers} with a consumer of its own (assigned partitions, no
 * group, no commits: the live pipeline's offsets and state are untouched) and runs a {@link Backtest}.
 * One backtest at a time per instance, so a large one cannot starve the live rules of CPU and memory.
 */
@Service
class BacktestService {

    private static final int MAX_ALERTS = 1_000;

    private final KafkaProperties kafka;
    private final RuleRegistry rules;
    private final WatchlistRegistry lists;
    private final Semaphore running = new Semaphore(1);

    BacktestService(KafkaProperties kafka, RuleRegistry rules, WatchlistRegistry lists) {
        this.kafka = kafka;
        this.rules = rules;
        this.lists = lists;
    }

    BacktestReport run(BacktestRequest request, RuleSet configuration) {
        if (!running.tryAcquire()) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, "A backtest is already running; retry later");
        }
        try {
            long started = System.nanoTime();
            Instant to = request.to() == null ? Instant.now() : request.to();
            int max = request.maxRecords() == null ? 100_000 : request.maxRecords();
            List<TransferEvent> transfers = new ArrayList<>();
            boolean truncated = read(request.from(), to, max, transfers);
            Backtest backtest = new Backtest(configuration, lists.get());
            backtest.run(transfers);
            List<io.chainhub.events.fraud.FraudAlertEvent> alerts = backtest.alerts();
            return new BacktestReport(request.from(), to, transfers.size(), backtest.evaluated(), backtest.reverted(),
                    truncated, backtest.hitsByRule(), alerts.size(), alerts.subList(0, Math.min(MAX_ALERTS, alerts.size())),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        } finally {
            running.release();
        }
    }

    /** The current rule set with the request's overrides applied. */
    RuleSet configuration(BacktestRequest request) {
        RuleSet set = rules.get();
        if (request.rules() == null) {
            return set;
        }
        for (var override : request.rules()) {
            if (override.parameters() != null && !RuleParameters.problems(override.parameters()).isEmpty()) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, override.ruleId() + ": "
                        + String.join("; ", RuleParameters.problems(override.parameters())));
            }
            RuleConfig current = set.get(override.ruleId()).orElseThrow(() -> new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "No rule '" + override.ruleId() + "'"));
            set = set.with(new RuleConfig(current.ruleId(), current.version(),
                    override.mode() != null ? override.mode() : current.mode(),
                    override.severity() != null ? override.severity() : current.severity(),
                    override.parameters() != null ? override.parameters() : current.parameters()));
        }
        return set;
    }

    /** True when {@code max} stopped the read before the end of the range. */
    private boolean read(Instant from, Instant to, int max, List<TransferEvent> sink) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TOKEN_TRANSFERS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(p -> query.put(p, from.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(query);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition p : partitions) {
                OffsetAndTimestamp at = start.get(p);
                long offset = at == null ? end.get(p) : at.offset();
                consumer.seek(p, offset);
                if (offset < end.get(p)) {
                    remaining.put(p, end.get(p));
                } else {
                    consumer.pause(List.of(p));
                }
            }
            while (!remaining.isEmpty()) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition p = new TopicPartition(record.topic(), record.partition());
                    if (!remaining.containsKey(p)) {
                        continue;
                    }
                    if (record.timestamp() >= to.toEpochMilli()) {
                        remaining.remove(p);
                        consumer.pause(List.of(p));
                        continue;
                    }
                    try {
                        sink.add(EventJson.mapper().readValue(record.value(), TransferEvent.class));
                    } catch (RuntimeException e) {
                        // a poison record: the live pipeline dead-letters it; the backtest skips it
                    }
                    if (sink.size() >= max) {
                        return true;
                    }
                }
                for (TopicPartition p : List.copyOf(remaining.keySet())) {
                    // the end offset may be a transaction marker that is never returned as a record
                    if (consumer.position(p) >= remaining.get(p)) {
                        remaining.remove(p);
                        consumer.pause(List.of(p));
                    }
                }
            }
        }
        return false;
    }
}
