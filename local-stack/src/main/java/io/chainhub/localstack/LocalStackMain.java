package io.chainhub.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

import io.chainhub.devchain.Anvil;
import io.chainhub.events.topics.Topics;
import io.chainhub.localstack.auth.JwtKeys;
import io.chainhub.localstack.demo.DemoRun;
import io.chainhub.localstack.kafka.CatalogTopics;
import io.chainhub.localstack.kafka.KafkaBroker;
import io.chainhub.localstack.mail.MailSink;
import io.chainhub.localstack.postgres.Postgres;
import org.slf4j.LoggerFactory;

/**
 * The command line behind {@code ./chainhub}:
 * <ul>
 *   <li>{@code infra --home DIR}: starts PostgreSQL, Kafka, anvil and the mail sink on their fixed
 *       ports with data under {@code DIR/data}, prints a line per component as it becomes ready and
 *       {@code [infra] ready} at the end, then runs until SIGTERM and stops everything.</li>
 *   <li>{@code token USER --home DIR}: prints a JWT for a demo user.</li>
 * </ul>
 * Exit code 2 with a one-line message for problems the user must fix (port taken, unknown user).
 */
public final class LocalStackMain {

    public static final String READY_LINE = "[infra] ready";
    static final int POSTGRES_PORT = 5432;
    static final int KAFKA_PORT = 9092;
    static final int KAFKA_CONTROLLER_PORT = 9093;
    static final int ANVIL_PORT = 8545;
    static final int SMTP_PORT = 1025;
    static final int INBOX_PORT = 8025;
    static final String DATABASE = "chainhub";

    private final Path home;
    private final long startNanos = System.nanoTime();
    /** What the shutdown hook stops. */
    private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());

    /** Added to every fixed port, so a second stack (the end-to-end tests) can run beside the usual one. */
    private final int offset;

    private LocalStackMain(Path home, int offset) {
        this.home = home;
        this.offset = offset;
    }

    public static void main(String[] args) throws Exception {
        // Our own progress lines are the output; library chatter only when something is wrong.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        LoggerFactory.getILoggerFactory(); // now, not racing from the start threads (SLF4J warns then)
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        String defaultHome = System.getenv().getOrDefault("CHAINHUB_HOME", ".chainhub");
        Path home = Path.of(options.getOrDefault("home", defaultHome)).toAbsolutePath();
        try {
            switch (positional.isEmpty() ? "" : positional.getFirst()) {
                case "infra" -> new LocalStackMain(home, Integer.parseInt(options.getOrDefault("port-offset", "0"))).runInfra();
                case "token" -> {
                    if (positional.size() != 2) {
                        throw new UsageException("usage: token USER --home DIR");
                    }
                    System.out.println(JwtKeys.loadOrCreate(home.resolve("keys")).mintForDemoUser(positional.get(1)));
                }
                case "demo" -> new DemoRun(Integer.parseInt(options.getOrDefault("port-offset", "0")),
                        JwtKeys.loadOrCreate(home.resolve("keys"))).run();
                case "keys" -> System.out.println("JWT public key " + JwtKeys.loadOrCreate(home.resolve("keys")).publicKeyFile());
                case "topics" -> {
                    String bootstrap = options.getOrDefault("bootstrap", "localhost:" + KAFKA_PORT);
                    CatalogTopics.create(bootstrap, Topics.all(), (short) 1, Duration.ofMinutes(2));
                    System.out.println("created " + Topics.all().size() + " catalog topics on " + bootstrap);
                }
                default -> throw new UsageException(
                        "usage: LocalStackMain infra|demo [--port-offset N] | token USER | keys | topics [--bootstrap HOST:PORT]  [--home DIR]");
            }
        } catch (UsageException | Ports.PortInUseException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    private void runInfra() throws InterruptedException {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(offset + POSTGRES_PORT, "postgres");
        ports.put(offset + KAFKA_PORT, "kafka");
        ports.put(offset + KAFKA_CONTROLLER_PORT, "kafka controller");
        ports.put(offset + ANVIL_PORT, "anvil");
        ports.put(offset + SMTP_PORT, "smtp");
        ports.put(offset + INBOX_PORT, "mail inbox");
        ports.forEach(Ports::requireFree);

        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "local-stack-shutdown"));
        Path data = home.resolve("data");
        Path logs = home.resolve("logs");
        Path anvilState = data.resolve("anvil").resolve("state.json");
        createDirectories(anvilState.getParent());
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            // Services read the public key at startup, so it must exist by the time we say "ready".
            CompletableFuture<?> keys = CompletableFuture.runAsync(() -> timed("keys",
                    () -> JwtKeys.loadOrCreate(home.resolve("keys")), k -> "JWT public key " + k.publicKeyFile()), pool);
            // Started side by side: Kafka's JVM start and PostgreSQL's initdb dominate, and overlap well.
            CompletableFuture<?> postgres = CompletableFuture.runAsync(() -> timed("postgres", () -> {
                Postgres pg = track(Postgres.start(data.resolve("postgres"), offset + POSTGRES_PORT, logs.resolve("postgres.log")));
                pg.createDatabaseIfMissing(DATABASE);
                return pg;
            }, pg -> pg.jdbcUrl(DATABASE) + " (user postgres)"), pool);
            CompletableFuture<?> kafka = CompletableFuture.runAsync(() -> timed("kafka", () -> {
                KafkaBroker broker = track(KafkaBroker.start(data.resolve("kafka"), offset + KAFKA_PORT, offset + KAFKA_CONTROLLER_PORT,
                        logs.resolve("kafka.log")));
                broker.createTopics(Topics.all());
                return broker;
            }, b -> b.bootstrapServers() + " (KRaft, " + Topics.all().size() + " catalog topics)"), pool);
            CompletableFuture<?> anvil = CompletableFuture.runAsync(() -> timed("anvil", () -> track(Anvil.start(
                    Anvil.Options.defaults().withPort(offset + ANVIL_PORT)
                            // Automine (no block time): a block per transaction, as the demo and tests expect.
                            .withState(anvilState, Duration.ofSeconds(10))
                            .withLogFile(logs.resolve("anvil.log")))),
                    a -> a.httpUrl() + " (chain id " + a.chainId() + ")"), pool);
            CompletableFuture<?> mail = CompletableFuture.runAsync(() -> timed("mail", () -> track(MailSink.start(offset + SMTP_PORT, offset + INBOX_PORT)),
                    m -> "smtp localhost:" + m.smtpPort() + ", inbox " + m.inboxUrl()), pool);
            CompletableFuture.allOf(keys, postgres, kafka, anvil, mail).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            System.out.println("[infra] FAILED: " + cause.getMessage());
            cause.printStackTrace();
            System.exit(1);
        } finally {
            pool.shutdown();
        }
        System.out.println(READY_LINE + " in " + elapsedMillis() + " ms");
        new CountDownLatch(1).await(); // until SIGTERM runs the shutdown hook
    }

    private <T> T timed(String name, Supplier<T> start, Function<T, String> describe) {
        long before = System.nanoTime();
        T component = start.get();
        System.out.printf("[infra] %-8s ready in %5d ms  %s%n", name, (System.nanoTime() - before) / 1_000_000,
                describe.apply(component));
        return component;
    }

    private <T extends AutoCloseable> T track(T component) {
        started.add(component);
        return component;
    }

    private void stopAll() {
        List<AutoCloseable> components = new ArrayList<>(started);
        Collections.reverse(components);
        // In parallel: each stop is mostly waiting for a child process to flush and exit.
        components.parallelStream().forEach(component -> {
            try {
                component.close();
            } catch (Exception e) {
                System.err.println("[infra] stopping " + component.getClass().getSimpleName() + " failed: " + e);
            }
        });
        System.out.println("[infra] stopped");
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
