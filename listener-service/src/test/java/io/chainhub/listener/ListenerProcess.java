package io.chainhub.listener;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.chainhub.localstack.Ports;
import io.chainhub.localstack.postgres.Postgres;
import io.chainhub.testsupport.TestInfrastructure;

/**
 * The listener jar as its own process (as in the local stack): its RSS is its own and it can be killed
 * with SIGKILL. {@code database} and {@code transactionIdPrefix} identify one deployment across restarts.
 */
public final class ListenerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ListenerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** When the chain follower started working (its "resuming after block" log line), in epoch millis. */
    public long followerStartedAt() throws IOException {
        return Files.readAllLines(log).stream().filter(line -> line.contains("resuming after block")).findFirst()
                .map(line -> OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant().toEpochMilli())
                .orElseThrow(() -> new IllegalStateException("follower start not logged in " + log));
    }

    public static ListenerProcess start(Path jar, long startBlock, Path log) throws IOException {
        return start(jar, startBlock, log, TestInfrastructure.get().createDatabase(), "bench-" + System.nanoTime() + "-", 50);
    }

    public static ListenerProcess start(Path jar, long startBlock, Path log, String database, String transactionIdPrefix,
                                        int maxBlocksPerStep) throws IOException {
        TestInfrastructure infra = TestInfrastructure.get();
        int port = Ports.free();
        ProcessBuilder builder = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx128m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=128m",
                "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "SERVER_PORT", Integer.toString(port),
                "SPRING_KAFKA_BOOTSTRAPSERVERS", infra.kafkaBootstrapServers(),
                "SPRING_DATASOURCE_URL", database,
                "SPRING_DATASOURCE_USERNAME", Postgres.USER,
                "SPRING_DATASOURCE_PASSWORD", Postgres.PASSWORD,
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLICKEYLOCATION", infra.tokens().publicKeyLocation(),
                "CHAINHUB_CHAIN_RPCURL", infra.anvil().httpUrl(),
                "CHAINHUB_CHAIN_WSURL", infra.anvil().wsUrl(),
                "CHAINHUB_CHAIN_STARTBLOCK", Long.toString(startBlock),
                "SPRING_KAFKA_PRODUCER_TRANSACTIONIDPREFIX", transactionIdPrefix));
        builder.environment().put("CHAINHUB_LISTENER_MAXBLOCKSPERSTEP", Integer.toString(maxBlocksPerStep));
        // glibc gives every thread that mallocs its own 64 MB arena (up to 8 per core): two are plenty here
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        return new ListenerProcess(builder.start(), port, log);
    }

    public void awaitReady(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (Instant.now().isBefore(deadline)) {
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("listener exited with " + process.exitValue());
                }
                Thread.sleep(100); // readiness poll of a benchmark driver, not a test wait
            }
        }
        throw new IllegalStateException("listener not ready within " + timeout);
    }

    /** Resident set size in MB, from /proc. */
    public long rssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException gone) {
            return -1;
        }
        return -1;
    }

    /** CPU time (user + system) the process used so far, in seconds, from /proc (clock ticks of 1/100 s). */
    public double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no transaction abort. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
