package io.chainhub.saga.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import io.chainhub.testsupport.ChainHubIntegrationTest;
import io.chainhub.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code ./mvnw -B -o verify -pl saga-orchestrator -Pbenchmark [-Dbenchmark.withdrawals=1000]}: withdrawals
 * under an auto-allow policy (screening and chain answered by {@link TestParticipants} over the real broker),
 * sagas/s and p50/p99 request → COMPLETED; then the orchestrator's step throughput (saga transitions/s)
 * against a plain consume-transform-produce loop with Kafka transactions measured in the same run.
 */
@ChainHubIntegrationTest
class WithdrawalBenchmark {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void measure() throws Exception {
        int n = Integer.getInteger("benchmark.withdrawals", 200);
        SagaApi api = new SagaApi(port);
        Custody custody = new Custody(api);
        TestParticipants.start();
        TestPolicy.ensure(api);
        String account = custody.account("auto");
        String token = custody.fund(account, Long.toString(n * 10L));

        Instant start = Instant.now();
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            IntStream.range(0, n).forEach(i -> clients.submit(() -> api.post("/api/withdrawals", Map.of("accountId", account,
                    "chainId", Custody.CHAIN, "token", token, "amount", "10", "destination", Custody.randomAddress()), "alice")));
        }
        Awaitility.await("all completed").atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(500)).until(() ->
                jdbc.sql("SELECT count(*) FROM withdrawal WHERE account_id = ?::uuid AND state = 'COMPLETED'")
                        .param(account).query(Long.class).single() == n);
        List<Double> latencies = jdbc.sql("""
                SELECT extract(epoch FROM (updated_at - created_at)) * 1000 FROM withdrawal
                WHERE account_id = ?::uuid ORDER BY 1""").param(account).query(Double.class).list();
        Instant end = jdbc.sql("SELECT max(updated_at) FROM withdrawal WHERE account_id = ?::uuid").param(account)
                .query(java.sql.Timestamp.class).single().toInstant();
        double seconds = Duration.between(start, end).toMillis() / 1000.0;
        long steps = jdbc.sql("SELECT count(*) FROM saga_transition t JOIN withdrawal w ON t.saga_id = w.id::text WHERE w.account_id = ?::uuid")
                .param(account).query(Long.class).single();

        double stepRate = steps / seconds;
        System.out.printf("%nBENCHMARK withdrawals=%d elapsed=%.1fs sagas/s=%.1f p50=%.0fms p99=%.0fms%n", n, seconds,
                n / seconds, percentile(latencies, 50), percentile(latencies, 99));
        System.out.printf("BENCHMARK saga steps=%d steps/s=%.1f%n%n", steps, stepRate);
        int baselineMessages = (int) Math.min(steps, 1000);
        double perMessage = consumeTransformProduce(baselineMessages, false);
        double batched = consumeTransformProduce(baselineMessages, true);
        System.out.printf("BENCHMARK baseline consume-transform-produce, one transaction per message: msgs/s=%.1f ratio=%.2f%n",
                perMessage, stepRate / perMessage);
        System.out.printf("BENCHMARK baseline consume-transform-produce, one transaction per poll batch: msgs/s=%.1f ratio=%.2f%n%n",
                batched, stepRate / batched);
    }

    /**
     * Messages/s of a plain read_committed consumer → transactional producer loop: one transaction per
     * message, or (batched) one per poll of up to 500 records.
     */
    private static double consumeTransformProduce(int messages, boolean batched) throws Exception {
        String servers = TestInfrastructure.get().kafkaBootstrapServers();
        String in = "bench-in-" + UUID.randomUUID();
        String out = "bench-out-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.createTopics(List.of(new NewTopic(in, 3, (short) 1), new NewTopic(out, 3, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> seed = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                sent.add(seed.send(new ProducerRecord<>(in, "k" + (i % 64), "{\"step\":" + i + "}")));
            }
            for (var future : sent) {
                future.get(); // all seeded, or fail loudly rather than wait forever below
            }
        }
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-" + UUID.randomUUID());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batched ? 500 : 1),
                new StringDeserializer(), new StringDeserializer());
             KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            consumer.subscribe(List.of(in));
            int done = 0;
            Instant begin = null;
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            while (done < messages && Instant.now().isBefore(deadline)) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    continue;
                }
                begin = begin == null ? Instant.now() : begin;
                producer.beginTransaction();
                Map<TopicPartition, OffsetAndMetadata> offsets = new java.util.HashMap<>();
                for (ConsumerRecord<String, String> record : records) {
                    producer.send(new ProducerRecord<>(out, record.key(), record.value().toUpperCase()));
                    offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                    done++;
                }
                producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                producer.commitTransaction();
            }
            return done / (Duration.between(begin, Instant.now()).toMillis() / 1000.0);
        }
    }

    private static double percentile(List<Double> sorted, int p) {
        List<Double> values = new ArrayList<>(sorted);
        return values.get(Math.min(values.size() - 1, (int) Math.ceil(p / 100.0 * values.size()) - 1));
    }
}
