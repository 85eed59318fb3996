package io.chainhub.analytics.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.chainhub.analytics.AnalyticsApplication;
import io.chainhub.analytics.aggregate.AnalyticsSerdes;
import io.chainhub.events.topics.Topics;
import io.chainhub.localstack.postgres.Postgres;
import io.chainhub.testsupport.TempDirs;
import io.chainhub.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * {@code ./mvnw -B -o verify -pl analytics-service -Pbenchmark [-Dbenchmark.transfers=N]}: on the
 * real broker, (1) throughput of the aggregation topology over N synthetic transfers as a ratio to a
 * pass-through topology (read, deserialize, write; exactly_once_v2 too) over the same records in
 * the same run; (2) HTTP query latency p50/p99 at 200 queries/s while transfers keep arriving.
 */
class AggregationBenchmark {

    private static final int QUERY_RATE = 200;
    private static final Duration QUERY_PHASE = Duration.ofSeconds(20);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(5);
    /** What the pass-through shares with the application (application.yml), checked when the application runs. */
    private static final Map<String, String> BASELINE = Map.of(
            StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2,
            StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "200",
            StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "16777216",
            StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1");
    private static final Map<String, String> DEFAULTS = Map.of(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1");

    @Test
    void benchmark() throws Exception {
        long transfers = Long.getLong("benchmark.transfers", 1_000_000);
        TestInfrastructure infra = TestInfrastructure.get();
        String kafka = infra.kafkaBootstrapServers();
        Instant start = Instant.now().minus(Duration.ofSeconds(transfers / 50 * 12 + 3600));
        try (SyntheticTransfers source = new SyntheticTransfers(kafka, "bench-producer", start);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            long produceStart = System.nanoTime();
            source.publish(transfers);
            System.out.printf("produced %,d transfers in %.1f s%n", transfers, seconds(produceStart));

            // both once over the first transfers, unmeasured: the JIT compiles each one's code before it is timed
            // (a cold first pass-through cost almost twice the CPU per transfer of the second)
            long warmUp = Math.min(transfers, Long.getLong("benchmark.warm-up-transfers", 100_000));
            warmUpPassThrough(kafka, admin, warmUp);
            try (ConfigurableApplicationContext warm = startApplication(infra, "bench-warm-up-analytics")) {
                awaitCommitted(admin, "bench-warm-up-analytics", warmUp);
            }
            // the machine's load drifts: the pass-through runs before and after the application, the mean counts
            Run before = passThrough(kafka, admin, transfers, "bench-pass-through-1");

            ConfigurableApplicationContext app = startApplication(infra, "bench-analytics");
            try {
                StreamsBuilderFactoryBean factory = app.getBean(StreamsBuilderFactoryBean.class);
                requireSameGuarantees(factory.getStreamsConfiguration());
                KafkaStreams streams = factory.getKafkaStreams();
                String applicationId = app.getEnvironment().getProperty("spring.kafka.streams.application-id");
                Run aggregation = measure(streams, admin, applicationId, transfers);
                Run after = passThrough(kafka, admin, transfers, "bench-pass-through-2");
                double passThrough = (before.perSecond() + after.perSecond()) / 2;
                double passThroughCpu = (before.cpuMicrosPerTransfer() + after.cpuMicrosPerTransfer()) / 2;
                System.out.printf("%nRESULT aggregation %,.0f transfers/s, pass-through %,.0f transfers/s (%,.0f before, "
                        + "%,.0f after), ratio %.2f (target >= 0.5), %,d transfers%n", aggregation.perSecond(),
                        passThrough, before.perSecond(), after.perSecond(), aggregation.perSecond() / passThrough,
                        transfers);
                System.out.printf("RESULT CPU per transfer (Streams threads, producers, consumers of each app): "
                        + "aggregation %.1f us, pass-through %.1f us, ratio %.2f%n", aggregation.cpuMicrosPerTransfer(),
                        passThroughCpu, passThroughCpu / aggregation.cpuMicrosPerTransfer());
                queryLatency(app, source);
            } finally {
                app.close();
            }
        }
    }

    /** Waits until the application has committed at least {@code records} input offsets (warm-up). */
    private static void awaitCommitted(Admin admin, String applicationId, long records) throws Exception {
        long started = System.nanoTime();
        for (;;) {
            long committed = admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get()
                    .entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.TOKEN_TRANSFERS))
                    .mapToLong(e -> e.getValue().offset()).sum();
            if (committed >= records) {
                System.out.printf("%s: %,d transfers, unmeasured, %.1f s%n", applicationId, committed, seconds(started));
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling committed offsets; nothing to await on
        }
    }

    private static Run passThrough(String kafka, Admin admin, long transfers, String applicationId) throws Exception {
        try (KafkaStreams streams = startPassThrough(kafka, applicationId)) {
            return measure(streams, admin, applicationId, transfers);
        }
    }

    private static void warmUpPassThrough(String kafka, Admin admin, long transfers) throws Exception {
        String applicationId = "bench-warm-up-pass-through";
        try (KafkaStreams streams = startPassThrough(kafka, applicationId)) {
            awaitCommitted(admin, applicationId, transfers);
        }
    }

    private static KafkaStreams startPassThrough(String kafka, String applicationId) throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.TOKEN_TRANSFERS, Consumed.with(AnalyticsSerdes.KEY, AnalyticsSerdes.TRANSFER))
                .to(applicationId + "-out", Produced.with(AnalyticsSerdes.KEY, AnalyticsSerdes.TRANSFER));
        Properties config = new Properties();
        config.putAll(BASELINE);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        config.put(StreamsConfig.STATE_DIR_CONFIG, TempDirs.create("bench-pt").toString());
        KafkaStreams streams = new KafkaStreams(builder.build(), config);
        streams.start();
        return streams;
    }

    /** A fair baseline: the application runs with the same guarantee, commit interval, cache and threads. */
    private static void requireSameGuarantees(Properties application) {
        BASELINE.forEach((name, value) -> {
            if (!value.equals(String.valueOf(application.getOrDefault(name, DEFAULTS.get(name))))) {
                throw new IllegalStateException("unfair baseline: " + name + " is " + value + " for the pass-through, "
                        + application.get(name) + " for the application");
            }
        });
        System.out.println("baseline and application share " + BASELINE + "; input: the same topic and partitions");
    }

    /**
     * Transfers per second from RUNNING until the application's committed offsets reach the end of the
     * input, and the CPU time its threads (names carry the application id) spent per transfer: on a
     * machine shared with other builds the CPU figure drifts less than the wall-clock one.
     */
    private static Run measure(KafkaStreams streams, Admin admin, String applicationId, long transfers)
            throws Exception {
        while (streams.state() != KafkaStreams.State.RUNNING) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        long started = System.nanoTime();
        long cpuStarted = cpuNanos(applicationId);
        List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.TOKEN_TRANSFERS)).allTopicNames().get()
                .get(Topics.TOKEN_TRANSFERS).partitions().stream()
                .map(p -> new TopicPartition(Topics.TOKEN_TRANSFERS, p.partition())).toList();
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new java.util.HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                .forEach((p, info) -> ends.put(p, info.offset()));
        long lastReport = started;
        for (;;) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get();
            long lag = 0;
            for (TopicPartition p : partitions) {
                OffsetAndMetadata offset = committed.get(p);
                lag += Math.max(0, ends.get(p) - (offset == null ? 0 : offset.offset()));
            }
            if (lag == 0) {
                double elapsed = seconds(started);
                double cpu = (cpuNanos(applicationId) - cpuStarted) / 1e3 / transfers;
                System.out.printf("%s: %,d transfers in %.1f s, %.1f us CPU each%n", applicationId, transfers, elapsed,
                        cpu);
                return new Run(transfers / elapsed, cpu);
            }
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                System.out.printf("%s: %,d behind after %.0f s%n", applicationId, lag, seconds(started));
                lastReport = System.nanoTime();
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static long cpuNanos(String applicationId) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(applicationId)) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private record Run(double perSecond, double cpuMicrosPerTransfer) {
    }

    private static ConfigurableApplicationContext startApplication(TestInfrastructure infra, String applicationId)
            throws Exception {
        // command-line arguments: they win over application.yml (builder properties would not)
        return new SpringApplicationBuilder(AnalyticsApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                "--spring.kafka.streams.application-id=" + applicationId,
                "--spring.kafka.streams.state-dir=" + TempDirs.create("bench-agg"),
                "--spring.datasource.url=" + infra.createDatabase(),
                "--spring.datasource.username=" + Postgres.USER,
                "--spring.datasource.password=" + Postgres.PASSWORD,
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + infra.tokens().publicKeyLocation(),
                "--chainhub.analytics.grace=1d",
                // -Dbenchmark.answer-ttl=0 measures every query computed afresh (no reuse of answers)
                "--chainhub.analytics.answer-ttl=" + System.getProperty("benchmark.answer-ttl", "1s"),
                "--chainhub.analytics.rollup-interval=1000d");
    }

    /**
     * Open model: query i is due at {@code t0 + i / rate}, whatever happened to the ones before, and
     * runs on its own virtual thread (an independent client); its latency counts from when it was due.
     * A server that falls behind shows it in the latencies instead of slowing the load down.
     */
    private static void queryLatency(ConfigurableApplicationContext app, SyntheticTransfers source) throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        String bearer = TestInfrastructure.get().tokens().bearer("viewer", "viewer");
        // HTTP/1.1: the default h2c upgrade attempt only adds a round of negotiation per connection
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        HttpResponse<String> probe = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/analytics/chains/1/tokens?window=1h")).header("Authorization", bearer).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println("answer-ttl " + app.getEnvironment().getProperty("chainhub.analytics.answer-ttl"));
        System.out.println("probe: " + probe.statusCode() + " " + probe.body().substring(0, Math.min(300, probe.body().length())));
        // one query at a time first: the cost of a query on its own
        for (String kind : List.of("series?window=1h&from=" + dayAgo(), "top?window=1h&limit=10")) {
            List<Long> alone = new ArrayList<>();
            long cpuBefore = 0;
            // the first 200 warm up (JIT compilation would count as the queries' CPU otherwise)
            for (int i = -200; i < 200; i++) {
                if (i == 0) {
                    alone.clear();
                    cpuBefore = processCpuNanos();
                }
                String token = String.format("0x%040x", 0xc0ffee0000L + Math.floorMod(i, 20));
                long sent = System.nanoTime();
                http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/analytics/chains/1/tokens/" + token + "/" + kind)).header("Authorization", bearer)
                        .build(), HttpResponse.BodyHandlers.discarding());
                alone.add(System.nanoTime() - sent);
            }
            Collections.sort(alone);
            // CPU of the whole JVM (server and client) per query: what 200/s would cost, whatever the load
            double cpuMillis = (processCpuNanos() - cpuBefore) / 1e6 / alone.size();
            System.out.printf("RESULT one at a time, %s: p50 %.1f ms, p99 %.1f ms, %.2f ms CPU per query (client "
                    + "included; 200/s needs %.2f cores)%n", kind.substring(0, kind.indexOf('?')),
                    percentile(alone, 0.5), percentile(alone, 0.99), cpuMillis, cpuMillis * QUERY_RATE / 1000);
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong lastAnswer = new AtomicLong();
        ScheduledExecutorService load = Executors.newScheduledThreadPool(1);
        load.scheduleAtFixedRate(() -> source.publish(200), 0, 100, TimeUnit.MILLISECONDS);
        int due = (int) (QUERY_RATE * QUERY_PHASE.toSeconds());
        long period = 1_000_000_000L / QUERY_RATE;
        long t0 = System.nanoTime() + 100_000_000L;
        long worstIssueLag = 0;
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < due; i++) {
                long dueAt = t0 + i * period;
                LockSupport.parkNanos(dueAt - System.nanoTime());
                worstIssueLag = Math.max(worstIssueLag, System.nanoTime() - dueAt);
                String path = queryPath();
                clients.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .timeout(QUERY_TIMEOUT).header("Authorization", bearer).build();
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        long answered = System.nanoTime();
                        lastAnswer.accumulateAndGet(answered, Math::max);
                        if (response.statusCode() == 200) {
                            latencies.add(answered - dueAt);
                        } else if (errors.incrementAndGet() <= 3) {
                            System.out.println("query failed: " + path + " -> " + response.statusCode());
                        }
                    } catch (Exception e) {
                        if (errors.incrementAndGet() <= 3) {
                            System.out.println("query failed: " + path + " -> " + e);
                        }
                    }
                });
            }
        } // waits for every query to be answered or to time out
        load.shutdown();
        List<Long> sorted = latencies.stream().sorted().toList();
        double phase = (lastAnswer.get() - t0) / 1e9;
        double achieved = sorted.size() / phase;
        // sustained: every query answered in time, and the answers kept pace with the schedule
        boolean sustained = errors.get() == 0 && sorted.size() == due && achieved >= 0.95 * QUERY_RATE;
        System.out.printf("RESULT query latency at %d queries/s (open model, from the scheduled time) while ingesting "
                + "2,000 transfers/s: p50 %.1f ms, p99 %.1f ms, max %.1f ms; %,d of %,d ok, %d errors/timeouts, "
                + "%.0f answers/s, scheduler lag max %.1f ms; rate sustained: %s%n", QUERY_RATE,
                percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sorted, 1.0), sorted.size(), due,
                errors.get(), achieved, worstIssueLag / 1e6, sustained ? "yes" : "NO");
    }

    /** What the dashboard asks, for a random token: a day of hourly windows, or the top-10 of the newest hour. */
    private static String queryPath() {
        String token = String.format("0x%040x", 0xc0ffee0000L + ThreadLocalRandom.current().nextInt(20));
        return ThreadLocalRandom.current().nextBoolean()
                ? "/api/analytics/chains/1/tokens/" + token + "/series?window=1h&from=" + dayAgo()
                : "/api/analytics/chains/1/tokens/" + token + "/top?window=1h&limit=10";
    }

    private static Instant dayAgo() {
        return Instant.now().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private static double percentile(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
