package io.chainhub.fraud.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.chainhub.localstack.Ports;
import io.chainhub.localstack.postgres.Postgres;
import io.chainhub.testsupport.TestInfrastructure;

import static org.awaitility.Awaitility.await;

/**
 * The fraud-service jar as a process of its own (as the local stack runs it), so that a test can kill it
 * with SIGKILL: no shutdown hook, no Streams close, no transaction abort. One {@link Deployment} names the
 * database, Streams application id, state dir and group ids that a restart must reuse.
 */
final class FraudProcess implements AutoCloseable {

    static final Path JAR = Path.of("target/fraud-service-0.1.0-SNAPSHOT.jar");
    /**
     * {@code -Dfraud.crash.guarantee=at_least_once} shows that the crash test can fail: without exactly-once
     * the alerts written before the kill are redelivered.
     */
    private static final String GUARANTEE = System.getProperty("fraud.crash.guarantee", "exactly_once_v2");

    /** What identifies one deployment across restarts. */
    record Deployment(String database, String applicationId, Path stateDir, String groupId, String transactionIdPrefix) {
    }

    private final Process process;
    private final int port;
    private final Path log;

    private FraudProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static FraudProcess start(Deployment deployment, Path log) throws IOException {
        TestInfrastructure infra = TestInfrastructure.get();
        int port = Ports.free();
        ProcessBuilder builder = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(),
                "--spring.kafka.streams.properties.processing.guarantee=" + GUARANTEE,
                // the hardest case for a crash: long transactions whose output is already on the broker (no
                // linger), so that a kill lands between alerts written and their input's offsets committed
                "--spring.kafka.streams.properties.commit.interval.ms=1000",
                "--spring.kafka.streams.properties.producer.linger.ms=0"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "SERVER_PORT", Integer.toString(port),
                "SPRING_KAFKA_BOOTSTRAPSERVERS", infra.kafkaBootstrapServers(),
                "SPRING_DATASOURCE_URL", deployment.database(),
                "SPRING_DATASOURCE_USERNAME", Postgres.USER,
                "SPRING_DATASOURCE_PASSWORD", Postgres.PASSWORD,
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLICKEYLOCATION", infra.tokens().publicKeyLocation(),
                "SPRING_KAFKA_STREAMS_APPLICATIONID", deployment.applicationId(),
                "SPRING_KAFKA_STREAMS_STATEDIR", deployment.stateDir().toString(),
                "SPRING_KAFKA_CONSUMER_GROUPID", deployment.groupId(),
                "SPRING_KAFKA_PRODUCER_TRANSACTIONIDPREFIX", deployment.transactionIdPrefix()));
        return new FraudProcess(builder.start(), port, log);
    }

    int port() {
        return port;
    }

    /** Readiness as the local stack sees it; fails at once if the process died. */
    void awaitReady(Duration timeout) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            await("fraud-service ready (log: " + log + ")").atMost(timeout).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("fraud-service exited with " + process.exitValue()
                                    + ", log: " + log);
                        }
                        try {
                            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                    + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding())
                                    .statusCode() == 200;
                        } catch (IOException notYet) {
                            return false;
                        }
                    });
        }
    }

    /** SIGKILL. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
