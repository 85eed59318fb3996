package io.chainhub.fraud.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import io.chainhub.events.kafka.CloudEvent;
import io.chainhub.events.kafka.CloudEventHeaders;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.topics.TopicSpec;
import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TokenRef;
import io.chainhub.events.transfer.TokenStandard;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;
import io.chainhub.fraud.engine.Leg;
import io.chainhub.fraud.engine.Rules;
import io.chainhub.fraud.rule.RuleMode;
import io.chainhub.fraud.rule.RuleSet;
import io.chainhub.fraud.stream.FraudTopology;
import io.chainhub.fraud.watchlist.Watchlists;
import io.chainhub.localstack.kafka.KafkaBroker;
import io.chainhub.testsupport.TempDirs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * {@code ./mvnw -B -o verify -pl fraud-service -Pbenchmark [-Dbenchmark.transfers=1000000]}: synthetic
 * transfers over 10,000 addresses through every rule (ACTIVE) with exactly_once_v2, against a pass-through
 * topology (same source, same repartition by address, same guarantee and commit interval) in the same run;
 * then p99 latency from transfer on Kafka to alert on Kafka at a steady rate. Prints the figures.
 */
class FraudStreamsBenchmark {

    private static final int ADDRESSES = 10_000;
    private static final long T0 = 1_700_000_000L;
    private static final String PASS_OUT = "benchmark-pass-through-out";

    private final int transfers = Integer.getInteger("benchmark.transfers", 1_000_000);
    private final int rate = Integer.getInteger("benchmark.rate", 5_000);
    /** Stream threads of every application (as application.yml: 1); both sides always get the same. */
    private static final int THREADS = Integer.getInteger("benchmark.threads", 1);
    private final int latencySeconds = Integer.getInteger("benchmark.latency-seconds", 20);
    private final int warmUpTransfers = Integer.getInteger("benchmark.warm-up-transfers", 200_000);
    /** Exactly-once commit interval of every application (as application.yml); both sides always get the same. */
    private static final int COMMIT_MS = Integer.getInteger("benchmark.commit-interval-ms", 100);
    private final Random random = new Random(42);
    private final Random addressRandom = new Random(7);
    private final List<String> addresses = new ArrayList<>();
    private final Set<String> sanctioned = new HashSet<>();
    private final Set<String> mixers = new HashSet<>();
    private long legs;

    @Test
    void throughputAndLatency() throws Exception {
        for (int i = 0; i < ADDRESSES; i++) {
            // spread over the whole 160 bits like real (keccak-derived) addresses: small numbers padded with
            // 33 zeros made every key comparison in the stores' caches and RocksDB walk 40 equal bytes
            addresses.add(String.format("0x%040x", new java.math.BigInteger(160, addressRandom)));
        }
        for (int i = 0; i < 50; i++) {
            sanctioned.add(addresses.get(i * 200));
            mixers.add(addresses.get(i * 200 + 1));
        }
        try (KafkaBroker broker = KafkaBroker.startTemporary()) {
            List<TopicSpec> topics = new ArrayList<>(Topics.all());
            topics.add(new TopicSpec(FraudTopology.RULE_HITS, "rule id", 3, TopicSpec.Cleanup.DELETE, Duration.ofDays(1), "fraud", ""));
            topics.add(new TopicSpec(PASS_OUT, "address", 6, TopicSpec.Cleanup.DELETE, Duration.ofDays(1), "bench", ""));
            broker.createTopics(topics);
            String bootstrap = broker.bootstrapServers();

            long produceStart = System.nanoTime();
            try (var producer = producer(bootstrap)) {
                for (int i = 0; i < transfers; i++) {
                    TransferEvent transfer = syntheticTransfer(i, T0 + i * 2L);
                    legs += Leg.of(transfer).size();
                    send(producer, transfer);
                }
            }
            System.out.printf("produced %,d transfers in %.1f s%n", transfers, seconds(produceStart));

            // both topologies once over the first transfers, unmeasured: the JIT compiles each one's code before it
            // is timed (the first run of a cold JVM was 10-40 % slower, and the C2 compiler took a third of a core
            // while the rules ran)
            warmUp(bootstrap, "bench-warm-up-pass-through", b -> FraudTopology.buildPassThrough(b, PASS_OUT));
            warmUp(bootstrap, "bench-warm-up-fraud", b -> FraudTopology.build(b, this::rules, this::lists, false));
            // the baseline before and after the rules, ratio against the faster one: the machine's load moves
            // the rates by 2-3x from one minute to the next; CPU time per transfer moves much less
            Drained passBefore = drain(bootstrap, "bench-pass-through", b -> FraudTopology.buildPassThrough(b, PASS_OUT), null);
            KafkaStreams[] fraud = new KafkaStreams[1];
            Drained rules = drain(bootstrap, "bench-fraud", b -> FraudTopology.build(b, this::rules, this::lists, false), fraud);
            Drained passAfter = drain(bootstrap, "bench-pass-through-2", b -> FraudTopology.buildPassThrough(b, PASS_OUT), null);
            double p99 = latency(bootstrap);
            fraud[0].close(Duration.ofSeconds(30));

            double passRate = Math.max(passBefore.perSecond(), passAfter.perSecond());
            double passCpu = Math.min(passBefore.cpuMicrosPerTransfer(), passAfter.cpuMicrosPerTransfer());
            String report = String.format("""
                    === fraud-service benchmark (%,d transfers, %,d addresses, exactly_once_v2, commit.interval.ms=%d, %d stream thread(s), RocksDB)
                    pass-through topology : %,.0f transfers/s before, %,.0f after the rules run (CPU %.0f / %.0f us per transfer)
                    all rules topology    : %,.0f transfers/s (CPU %.0f us per transfer)
                    ratio                 : %.2f against the faster baseline (target >= 0.5); CPU ratio %.2f
                    latency at %,d transfers/s for %d s: p99 %.0f ms (transfer on Kafka -> alert on Kafka)
                    """, transfers, ADDRESSES, COMMIT_MS, THREADS, passBefore.perSecond(), passAfter.perSecond(),
                    passBefore.cpuMicrosPerTransfer(), passAfter.cpuMicrosPerTransfer(), rules.perSecond(),
                    rules.cpuMicrosPerTransfer(), rules.perSecond() / passRate, passCpu / rules.cpuMicrosPerTransfer(),
                    rate, latencySeconds, p99);
            System.out.println(report);
            Files.writeString(Path.of("target", "benchmark.txt"), report);
        }
    }

    /** Every rule ACTIVE; one snapshot, as {@code RuleRegistry.get()} returns (not rebuilt per leg). */
    private final RuleSet allActive = RuleSet.of(Rules.DEFAULTS.byId().values().stream()
            .map(c -> c.withMode(RuleMode.ACTIVE)).toList());

    private RuleSet rules() {
        return allActive;
    }

    /** Built once: the live registry hands out a ready snapshot too (rebuilding it per leg cost the rules 4 %). */
    private Watchlists lists() {
        if (cachedLists == null) {
            Map<String, Set<String>> lists = new HashMap<>();
            sanctioned.forEach(a -> lists.put(a, Set.of("sanctions")));
            mixers.forEach(a -> lists.put(a, Set.of("mixers")));
            cachedLists = new Watchlists(lists);
        }
        return cachedLists;
    }

    private Watchlists cachedLists;

    private TransferEvent syntheticTransfer(int i, long blockTime) {
        String from = addresses.get(random.nextInt(ADDRESSES));
        String to = addresses.get(random.nextInt(ADDRESSES));
        boolean nativeTransfer = random.nextBoolean();
        // mostly small, a few large: 1e15 .. 1e21 wei
        String value = new java.math.BigInteger(Long.toString(1 + random.nextInt(1_000_000)))
                .multiply(java.math.BigInteger.TEN.pow(random.nextInt(100) == 0 ? 15 : 12)).toString();
        String tx = String.format("0x%064x", i + 1L);
        return new TransferEvent("31337:" + tx + (nativeTransfer ? ":native" : ":0"), TransferStatus.OBSERVED, 31337,
                i / 10, String.format("0x%064x", i / 10 + 1_000_000_000L), blockTime, tx, nativeTransfer ? null : 0,
                nativeTransfer ? TokenStandard.NATIVE : TokenStandard.ERC20,
                nativeTransfer ? new TokenRef(null, "ETH", 18)
                        : new TokenRef("0x5fbdb2315678afecb367f032d93f642f64180aa3", "DEMO", 18),
                from, to, value, null, 0);
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** As the listener publishes it: JSON with the CloudEvents headers (SPEC), which a pass-through passes on. */
    private static void send(KafkaProducer<String, byte[]> producer, TransferEvent transfer) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TOKEN_TRANSFERS, transfer.kafkaKey(),
                EventJson.mapper().writeValueAsBytes(transfer));
        CloudEventHeaders.write(record.headers(), new CloudEvent(transfer.cloudEventId(), "/chainhub/listener/31337",
                transfer.status().cloudEventType(), Instant.ofEpochSecond(transfer.blockTimestamp()), transfer.eventId()));
        producer.send(record);
    }

    /** Throughput of one drain, and the CPU time its threads (stream thread, producer, state updater) spent. */
    private record Drained(double perSecond, double cpuMicrosPerTransfer) {
    }

    /** Runs a Streams app over the first {@link #warmUpTransfers} transfers (and their legs), then drops it. */
    private void warmUp(String bootstrap, String applicationId, Consumer<StreamsBuilder> topology) throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        topology.accept(builder);
        long start = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(builder.build(), streamsProps(bootstrap, applicationId))) {
            streams.start();
            long records = Math.min(transfers, warmUpTransfers) * 3L; // a transfer and (about) two legs
            while (processed(streams) < records) {
                Thread.sleep(50); // polling a metric; nothing to await on
            }
        }
        System.out.printf("%s: %,d transfers, unmeasured, %.1f s%n", applicationId, Math.min(transfers, warmUpTransfers),
                seconds(start));
    }

    /** Starts a Streams app on the whole topic and measures it until its committed offsets reach the end. */
    private Drained drain(String bootstrap, String applicationId, Consumer<StreamsBuilder> topology,
            KafkaStreams[] keep) throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        topology.accept(builder);
        KafkaStreams streams = new KafkaStreams(builder.build(), streamsProps(bootstrap, applicationId));
        long start = System.nanoTime();
        streams.start();
        // every transfer and every leg processed (both sub-topologies), then one commit interval
        while (processed(streams) < transfers + legs) {
            Thread.sleep(50); // polling a metric; nothing to await on
        }
        Thread.sleep(COMMIT_MS);
        double elapsed = seconds(start);
        double perSecond = transfers / elapsed;
        double cpuMicros = cpuNanos(applicationId) / 1_000.0 / transfers;
        // the stream threads' own CPU time over the wall time: the rest they waited (commits, fetches, RocksDB)
        double busy = streamThreadNanos(applicationId) / 1e9 / elapsed / THREADS;
        System.out.printf("%s: %,d transfers in %.1f s = %,.0f/s, CPU %.0f us per transfer; stream thread busy %.0f %% of the time; %s%n"
                        + "  records written per transfer: %s%n",
                applicationId, transfers, elapsed, perSecond, cpuMicros, 100 * busy, commits(streams), written(streams, applicationId));
        if (keep != null) {
            keep[0] = streams;
        } else {
            streams.close(Duration.ofSeconds(30));
        }
        return new Drained(perSecond, cpuMicros);
    }

    /** How many exactly-once commits the stream threads made, and how long each took (the transaction's round trips). */
    private static String commits(KafkaStreams streams) {
        Map<String, Double> thread = new java.util.HashMap<>();
        streams.metrics().forEach((name, metric) -> {
            if (name.group().equals("stream-thread-metrics") && metric.metricValue() instanceof Number value) {
                thread.merge(name.name(), value.doubleValue(), Double::sum);
            }
        });
        return String.format("%,.0f commits, %.1f ms each", thread.getOrDefault("commit-total", 0.0),
                thread.getOrDefault("commit-latency-avg", 0.0) / THREADS);
    }

    /** Records the application's producers sent, per transfer and topic (internal topics without the application id). */
    private String written(KafkaStreams streams, String applicationId) {
        Map<String, Double> byTopic = new java.util.TreeMap<>();
        streams.metrics().forEach((name, metric) -> {
            if (name.group().equals("producer-topic-metrics") && name.name().equals("record-send-total")
                    && metric.metricValue() instanceof Number value) {
                String topic = name.tags().get("topic").replace(applicationId + "-", "");
                byTopic.merge(topic, value.doubleValue() / transfers, Double::sum);
            }
        });
        StringBuilder line = new StringBuilder();
        byTopic.forEach((topic, perTransfer) -> line.append(String.format("%s %.2f, ", topic, perTransfer)));
        return line.isEmpty() ? "-" : line.substring(0, line.length() - 2);
    }

    /** CPU time of the live threads named after the application (Streams names all of its threads so). */
    private static long cpuNanos(String applicationId) {
        return cpuNanos(name -> name.contains(applicationId + "-"));
    }

    /** CPU time of the application's stream threads alone (not its producers, consumers' heartbeats, state updater). */
    private static long streamThreadNanos(String applicationId) {
        return cpuNanos(name -> name.startsWith(applicationId + "-") && name.matches(".*-StreamThread-\\d+"));
    }

    private static long cpuNanos(java.util.function.Predicate<String> threadName) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (threadName.test(thread.getName())) {
                total += Math.max(0, threads.getThreadCpuTime(thread.threadId()));
            }
        }
        return total;
    }

    /** Steady {@link #rate} transfers/s, a tenth of them to a sanctioned address; p99 of (alert seen - transfer sent). */
    private double latency(String bootstrap) throws Exception {
        List<Long> samples = Collections.synchronizedList(new ArrayList<>());
        long phaseStart = System.currentTimeMillis();
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread reader = new Thread(() -> {
            try (var consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(Topics.FRAUD_ALERTS));
                while (!stop.get()) {
                    for (var record : consumer.poll(Duration.ofMillis(50))) {
                        if (record.timestamp() >= phaseStart) {
                            samples.add(System.currentTimeMillis() - record.timestamp());
                        }
                    }
                }
            }
        });
        reader.start();
        List<String> listed = new ArrayList<>(sanctioned);
        try (var producer = producer(bootstrap)) {
            long periodNanos = 1_000_000_000L / rate;
            long next = System.nanoTime();
            int total = rate * latencySeconds;
            for (int i = 0; i < total; i++) {
                TransferEvent transfer = syntheticTransfer(transfers + i, T0 + transfers * 2L + i);
                if (i % 10 == 0) {
                    transfer = new TransferEvent(transfer.eventId(), transfer.status(), transfer.chainId(),
                            transfer.blockNumber(), transfer.blockHash(), transfer.blockTimestamp(), transfer.txHash(),
                            transfer.logIndex(), transfer.standard(), transfer.token(), transfer.from(),
                            listed.get(i / 10 % listed.size()), transfer.value(), null, 0);
                }
                send(producer, transfer);
                next += periodNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait); // pacing the load generator
                }
            }
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (samples.size() < rate * latencySeconds / 10 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100); // let the last alerts arrive
        }
        stop.set(true);
        reader.join();
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            throw new IllegalStateException("no alert arrived during the latency phase");
        }
        System.out.printf("latency samples: %,d alerts, p50 %d ms, p99 %d ms, max %d ms%n", sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.99)), sorted.getLast());
        return sorted.get((int) (sorted.size() * 0.99));
    }

    private static double processed(KafkaStreams streams) {
        return streams.metrics().values().stream()
                .filter(m -> m.metricName().group().equals("stream-thread-metrics")
                        && m.metricName().name().equals("process-total"))
                .mapToDouble(m -> ((Number) m.metricValue()).doubleValue()).sum();
    }

    private static Properties streamsProps(String bootstrap, String applicationId) throws Exception {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_MS);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, THREADS);
        // as in application.yml, for both applications
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
        props.put(StreamsConfig.STATE_DIR_CONFIG, TempDirs.create("fraud-bench-").toString());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return props;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
