package io.chainhub.localstack.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.chainhub.events.topics.TopicSpec;
import io.chainhub.localstack.Ports;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker + controller, one node), running in a
 * child JVM so its Scala runtime, threads and heap stay out of the caller's process. Output goes to
 * a log file. The child dies with us: {@link #close()}, a shutdown hook, and a watchdog in
 * {@link KafkaServerMain} for when we are killed hard.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path logFile;
    private final Path deleteOnClose;
    private final Thread shutdownHook;
    private Admin admin;

    private KafkaBroker(Process process, int port, Path logFile, Path deleteOnClose) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.deleteOnClose = deleteOnClose;
        this.shutdownHook = new Thread(this::stop, "kafka-broker-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Created once the port is open: before that the client only logs connection warnings. */
    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 250,
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 50,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
        }
        return admin;
    }

    /**
     * Starts a broker keeping its data in {@code dataDir} (formatted on first use, reused after).
     *
     * @param port           client port, 0 = a free one
     * @param controllerPort KRaft controller port, 0 = a free one
     * @param logFile        where the broker's output goes (appended)
     */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort, Path logFile) {
        return start(dataDir, port, controllerPort, logFile, null);
    }

    /**
     * A throwaway broker on free ports, deleted on {@link #close()}: one per test JVM. Retried when
     * the broker dies at startup, since another process may take a port between our pick and its bind.
     */
    public static KafkaBroker startTemporary() {
        for (int attempt = 1; ; attempt++) {
            Path dir;
            try {
                dir = Files.createTempDirectory("chainhub-kafka-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return start(dir, 0, 0, dir.resolve("broker.log"), dir);
            } catch (BrokerExitedException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static KafkaBroker start(Path dataDir, int port, int controllerPort, Path logFile, Path deleteOnClose) {
        int brokerPort = Ports.orFree(port);
        int quorumPort = controllerPort != 0 ? controllerPort : freePortOtherThan(brokerPort);
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Path config = dataDir.resolve("server.properties");
            Files.writeString(config, BrokerConfig.render(dataDir.resolve("kraft").toAbsolutePath(), brokerPort, quorumPort));
            Process process = new ProcessBuilder(command(config))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            KafkaBroker broker = new KafkaBroker(process, brokerPort, logFile, deleteOnClose);
            try {
                broker.awaitReady();
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka broker in " + dataDir, e);
        }
    }

    private static List<String> command(Path config) {
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Small and quick to start: a dev broker moves little data. Serial GC and C1 only
                // took startup from ~3-4 s to ~2 s on a 2-core machine; an AppCDS archive gained
                // nothing measurable there and cost a 50 MB dump on every first exit.
                "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                // Only one of these loggers is on a given classpath: slf4j-simple in the local stack,
                // Logback in Spring Boot test JVMs (whose default is DEBUG, far too chatty for a broker).
                "-Dlogback.configurationFile=chainhub-broker-logback.xml",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS",
                "-cp", System.getProperty("java.class.path"),
                KafkaServerMain.class.getName(), config.toAbsolutePath().toString(),
                Long.toString(ProcessHandle.current().pid()));
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Creates the topics that do not exist yet; existing ones are left as they are. */
    public void createTopics(Collection<TopicSpec> topics) {
        CatalogTopics.create(admin(), topics, (short) 1, START_TIMEOUT);
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new BrokerExitedException("Kafka broker exited with code " + process.exitValue()
                        + " during startup; log " + logFile + ":\n" + logTail());
            }
            if (!listening()) {
                pause(50);
                continue;
            }
            try {
                if (!admin().describeCluster(new DescribeClusterOptions().timeoutMs(1_000)).nodes().get().isEmpty()) {
                    return;
                }
            } catch (ExecutionException e) {
                last = e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Kafka", e);
            }
            pause(100);
        }
        throw new IllegalStateException("Kafka broker not ready on " + bootstrapServers() + " within " + START_TIMEOUT
                + " (" + last + "); log " + logFile + ":\n" + logTail());
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the broker (SIGTERM, so it shuts down cleanly and keeps its data consistent). */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook runs or has run: nothing left to do.
        }
    }

    private void stop() {
        synchronized (this) {
            if (admin != null) {
                admin.close(Duration.ZERO);
            }
        }
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (deleteOnClose != null) {
            deleteRecursively(deleteOnClose);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static int freePortOtherThan(int taken) {
        int port;
        do {
            port = Ports.free();
        } while (port == taken);
        return port;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // poll interval of a bounded readiness loop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class BrokerExitedException extends IllegalStateException {
        BrokerExitedException(String message) {
            super(message);
        }
    }

    static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // Best effort: a leftover temp dir is harmless.
        }
    }
}
