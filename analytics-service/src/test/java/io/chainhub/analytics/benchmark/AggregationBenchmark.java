package io.chainhub.analytics.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.chainhub.analytics.AnalyticsApplication;
import io.chainhub.analytics.aggregate.AnalyticsSerdes;
import io.chainhub.events.topics.Topics;
import io.chainhub.localstack.postgres.Postgres;
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

            double passThrough = passThrough(kafka, admin, transfers);

            ConfigurableApplicationContext app = startApplication(infra);
            try {
                KafkaStreams streams = app.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
                String applicationId = app.getEnvironment().getProperty("spring.kafka.streams.application-id");
                double aggregation = measure(streams, admin, applicationId, transfers);
                System.out.printf("%nRESULT aggregation %,.0f transfers/s, pass-through %,.0f transfers/s, ratio %.2f "
                        + "(target >= 0.5), %,d transfers%n", aggregation, passThrough, aggregation / passThrough,
                        transfers);
                queryLatency(app, source);
            } finally {
                app.close();
            }
        }
    }

    private static double passThrough(String kafka, Admin admin, long transfers) throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.TOKEN_TRANSFERS, Consumed.with(AnalyticsSerdes.KEY, AnalyticsSerdes.TRANSFER))
                .to("bench-pass-through", Produced.with(AnalyticsSerdes.KEY, AnalyticsSerdes.TRANSFER));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-pass-through");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("bench-pt").toString());
        try (KafkaStreams streams = new KafkaStreams(builder.build(), config)) {
            streams.start();
            return measure(streams, admin, "bench-pass-through", transfers);
        }
    }

    /** Transfers per second from RUNNING until the application's committed offsets reach the end of the input. */
    private static double measure(KafkaStreams streams, Admin admin, String applicationId, long transfers)
            throws Exception {
        while (streams.state() != KafkaStreams.State.RUNNING) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        long started = System.nanoTime();
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
                System.out.printf("%s: %,d transfers in %.1f s%n", applicationId, transfers, elapsed);
                return transfers / elapsed;
            }
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                System.out.printf("%s: %,d behind after %.0f s%n", applicationId, lag, seconds(started));
                lastReport = System.nanoTime();
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static ConfigurableApplicationContext startApplication(TestInfrastructure infra) throws Exception {
        // command-line arguments: they win over application.yml (builder properties would not)
        return new SpringApplicationBuilder(AnalyticsApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                "--spring.kafka.streams.application-id=bench-analytics",
                "--spring.kafka.streams.state-dir=" + Files.createTempDirectory("bench-agg"),
                "--spring.datasource.url=" + infra.createDatabase(),
                "--spring.datasource.username=" + Postgres.USER,
                "--spring.datasource.password=" + Postgres.PASSWORD,
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + infra.tokens().publicKeyLocation(),
                "--chainhub.analytics.grace=1d",
                "--chainhub.analytics.rollup-interval=1000d");
    }

    /** 200 queries/s (series and top-N of random tokens, over HTTP with a token) while 2,000 transfers/s arrive. */
    private static void queryLatency(ConfigurableApplicationContext app, SyntheticTransfers source) throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        String bearer = TestInfrastructure.get().tokens().bearer("viewer", "viewer");
        // HTTP/1.1: the default h2c upgrade attempt only adds a round of negotiation per connection
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(32)).build();
        HttpResponse<String> probe = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/analytics/chains/1/tokens?window=1h")).header("Authorization", bearer).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println("probe: " + probe.statusCode() + " " + probe.body().substring(0, Math.min(300, probe.body().length())));
        // one query at a time first: the cost of a query on its own
        for (String kind : List.of("series?window=1h&from=" + dayAgo(), "top?window=1h&limit=10")) {
            List<Long> alone = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                long sent = System.nanoTime();
                http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/analytics/chains/1/tokens/" + String.format("0x%040x", 0xc0ffee0000L + i % 20) + "/"
                        + kind)).header("Authorization", bearer).build(), HttpResponse.BodyHandlers.discarding());
                alone.add(System.nanoTime() - sent);
            }
            Collections.sort(alone);
            System.out.printf("RESULT one at a time, %s: p50 %.1f ms, p99 %.1f ms%n", kind.substring(0, kind.indexOf('?')),
                    percentile(alone, 0.5), percentile(alone, 0.99));
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<?>> inFlight = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService load = Executors.newScheduledThreadPool(2);
        load.scheduleAtFixedRate(() -> source.publish(200), 0, 100, TimeUnit.MILLISECONDS);
        ScheduledExecutorService queries = Executors.newSingleThreadScheduledExecutor();
        queries.scheduleAtFixedRate(() -> {
            String token = String.format("0x%040x", 0xc0ffee0000L + ThreadLocalRandom.current().nextInt(20));
            // what the dashboard asks: a day of hourly windows, and the top-10 of the newest window
            String path = ThreadLocalRandom.current().nextBoolean()
                    ? "/api/analytics/chains/1/tokens/" + token + "/series?window=1h&from=" + dayAgo()
                    : "/api/analytics/chains/1/tokens/" + token + "/top?window=1h&limit=10";
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(5)).header("Authorization", bearer).build();
            long sent = System.nanoTime();
            inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, e) -> {
                if (e != null || response.statusCode() != 200) {
                    if (errors.incrementAndGet() <= 3) {
                        System.out.println("query failed: " + path + " -> " + (e != null ? e : response.statusCode()));
                    }
                } else {
                    latencies.add(System.nanoTime() - sent);
                }
            }));
        }, 0, 1_000_000 / QUERY_RATE, TimeUnit.MICROSECONDS);
        TimeUnit.MILLISECONDS.sleep(QUERY_PHASE.toMillis());
        queries.shutdown();
        load.shutdown();
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                .get(30, TimeUnit.SECONDS);
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf("RESULT query latency at %d queries/s while ingesting 2,000 transfers/s: p50 %.1f ms, "
                + "p99 %.1f ms, %,d ok, %d errors%n", QUERY_RATE, percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.size(), errors.get());
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
