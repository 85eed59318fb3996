package io.chainhub.listener.benchmark;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.chainhub.devchain.CompiledContract;
import io.chainhub.devchain.DevChain;
import io.chainhub.events.topics.Topics;
import io.chainhub.listener.ListenerProcess;
import io.chainhub.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.tx.RawTransactionManager;

/**
 * Issue 3's figures, against real anvil, Kafka and PostgreSQL, with the listener jar as its own process:
 * backfill events/s as a ratio to the raw ceiling measured in the same run (batched eth_getLogs of the
 * same logs + a plain transactional producer writing as many records), live latency p50/p99 from a
 * block's arrival at the node to its OBSERVED event being readable on Kafka, and the listener's RSS.
 *
 * <p>{@code ./mvnw -B -Pbenchmark verify -pl listener-service -am -DskipTests -Dtransfers=100000}
 */
public final class ListenerBenchmark {

    private static final int PER_TX = 500;
    private static final Credentials SENDER = DevChain.account(4);

    public static void main(String[] args) throws Exception {
        int transfers = Integer.getInteger("transfers", 100_000);
        int liveSamples = Integer.getInteger("liveSamples", 200);
        Path jar = Path.of(System.getProperty("listenerJar", "target/listener-service-0.1.0-SNAPSHOT.jar"));
        TestInfrastructure infra = TestInfrastructure.get();
        try (DevChain chain = DevChain.connect(infra.anvil().httpUrl())) {
            String token = chain.deploy(SENDER, CompiledContract.load("BulkToken")).contractAddress();
            long first = chain.blockNumber() + 1;
            long generate = System.nanoTime();
            for (int sent = 0; sent < transfers; sent += PER_TX) {
                spray(chain, token, Math.min(PER_TX, transfers - sent));
            }
            long last = chain.blockNumber();
            System.out.printf("[bench] %,d transfers in blocks %d..%d generated in %.1f s%n", transfers, first, last,
                    seconds(System.nanoTime() - generate));

            double fetchSeconds = fetchLogs(chain, token, first, last, transfers);
            double produceSeconds = produce(infra.kafkaBootstrapServers(), transfers);
            double ceiling = transfers / (fetchSeconds + produceSeconds);
            System.out.printf("[bench] raw ceiling: eth_getLogs %.2f s + transactional produce %.2f s = %,.0f events/s%n",
                    fetchSeconds, produceSeconds, ceiling);

            Path log = Files.createTempFile("listener-bench", ".log");
            try (KafkaConsumer<String, String> consumer = consumer(infra.kafkaBootstrapServers());
                 ListenerProcess listener = ListenerProcess.start(jar, first, log)) {
                AtomicLong maxRss = new AtomicLong();
                Thread sampler = Thread.ofPlatform().daemon().start(() -> sampleRss(listener, maxRss));
                listener.awaitReady(Duration.ofMinutes(3));
                double cpuAtReady = listener.cpuSeconds();
                double backfill = (awaitLastObserved(consumer, token, transfers) - listener.followerStartedAt()) / 1000.0;
                double cpu = listener.cpuSeconds() - cpuAtReady;
                sampler.interrupt();
                double rate = transfers / backfill;
                System.out.printf("[bench] listener backfill (follower start to last OBSERVED committed): %,d in %.2f s = %,.0f events/s; ratio to ceiling %.2f (target >= 0.5)%n",
                        transfers, backfill, rate, rate / ceiling);
                System.out.printf("[bench] listener RSS during backfill: max %d MB (target < 400 MB)%n", maxRss.get());
                // CPU seconds hardly depend on what else runs on the machine, unlike the wall-clock ratio
                System.out.printf("[bench] listener CPU during backfill: %.1f s (%.0f events per CPU second)%n", cpu,
                        transfers / cpu);
                live(chain, token, consumer, liveSamples);
            }
            System.out.println("[bench] listener log: " + log);
        }
        System.exit(0); // the shared test infrastructure stops in its shutdown hook
    }

    private static void spray(DevChain chain, String token, int count) {
        chain.execute(SENDER, token, new Function("spray", List.of(new Uint256(count)), List.of()));
    }

    private static double fetchLogs(DevChain chain, String token, long first, long last, int expected) throws Exception {
        long start = System.nanoTime();
        int logs = 0;
        long chunk = 20;
        for (long from = first; from <= last; from += chunk * 10) {
            BatchRequest batch = chain.web3j().newBatch();
            for (long f = from; f <= Math.min(last, from + chunk * 10 - 1); f += chunk) {
                batch.add(chain.web3j().ethGetLogs(new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(f)),
                        DefaultBlockParameter.valueOf(BigInteger.valueOf(Math.min(last, f + chunk - 1))), token)));
            }
            for (var response : batch.send().getResponses()) {
                logs += ((EthLog) response).getLogs().size();
            }
        }
        if (logs != expected) {
            throw new IllegalStateException("eth_getLogs returned " + logs + " logs, expected " + expected);
        }
        return seconds(System.nanoTime() - start);
    }

    private static double produce(String bootstrap, int count) {
        Map<String, Object> props = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-ceiling-" + UUID.randomUUID(),
                ProducerConfig.LINGER_MS_CONFIG, 0));
        byte[] value = new byte[620]; // the size of a serialized ERC-20 TransferEvent
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            for (int i = 0; i < count; i += PER_TX) {
                producer.beginTransaction();
                for (int j = i; j < Math.min(count, i + PER_TX); j++) {
                    producer.send(new ProducerRecord<>("bench-ceiling", "31337:" + j, value));
                }
                producer.commitTransaction();
            }
        }
        return seconds(System.nanoTime() - start);
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.TOKEN_TRANSFERS));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position); // resolve "latest" before the listener writes
        return consumer;
    }

    /** Record timestamp (epoch millis) of the last of {@code expected} OBSERVED events of the token. */
    private static long awaitLastObserved(KafkaConsumer<String, String> consumer, String token, int expected) {
        String needle = "\"address\":\"" + token.toLowerCase() + "\"";
        int seen = 0;
        long lastTs = -1;
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (seen < expected && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.value().contains("\"OBSERVED\"") && record.value().contains(needle)) {
                    seen++;
                    lastTs = record.timestamp();
                }
            }
        }
        if (seen < expected) {
            throw new IllegalStateException("only " + seen + " of " + expected + " OBSERVED events arrived");
        }
        return lastTs;
    }

    /**
     * Sends one transfer every 100 ms without waiting for receipts: with automine, eth_sendRawTransaction
     * returns once the block is mined, which is when the block "arrives at the node".
     */
    private static void live(DevChain chain, String token, KafkaConsumer<String, String> consumer, int samples)
            throws Exception {
        Map<String, Long> minedAt = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = Thread.ofPlatform().start(() -> {
            while (seenAt.size() < samples && !stop.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(5))) {
                    if (record.value().contains("\"OBSERVED\"")) {
                        seenAt.putIfAbsent(record.key().substring(record.key().indexOf(':') + 1), System.nanoTime());
                    }
                }
            }
        });
        RawTransactionManager sender = new RawTransactionManager(chain.web3j(), SENDER, chain.chainId());
        String data = FunctionEncoder.encode(new Function("spray", List.of(new Uint256(1)), List.of()));
        BigInteger maxFee = BigInteger.valueOf(50_000_000_000L);
        for (int i = 0; i < samples; i++) {
            var sent = sender.sendEIP1559Transaction(chain.chainId(), BigInteger.ONE, maxFee, BigInteger.valueOf(100_000),
                    token, data, BigInteger.ZERO);
            minedAt.put(sent.getTransactionHash(), System.nanoTime());
            pause(100);
        }
        reader.join(Duration.ofSeconds(30));
        stop.set(true);
        List<Long> sorted = minedAt.entrySet().stream().filter(e -> seenAt.containsKey(e.getKey()))
                .map(e -> seenAt.get(e.getKey()) - e.getValue()).sorted().toList();
        System.out.printf("[bench] live latency over %d blocks (1 transfer each, every 100 ms): p50 %.1f ms, p99 %.1f ms (target p99 < 100 ms)%n",
                sorted.size(), percentile(sorted, 50), percentile(sorted, 99));
    }

    private static void sampleRss(ListenerProcess listener, AtomicLong max) {
        while (!Thread.currentThread().isInterrupted()) {
            max.accumulateAndGet(listener.rssMegabytes(), Math::max);
            pause(200);
        }
    }

    private static double percentile(List<Long> sortedNanos, int p) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.size());
        return sortedNanos.get(Math.max(rank, 1) - 1) / 1e6;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // the benchmark's steady block rate
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
