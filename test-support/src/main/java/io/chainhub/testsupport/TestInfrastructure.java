package io.chainhub.testsupport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.chainhub.devchain.Anvil;
import io.chainhub.events.topics.Topics;
import io.chainhub.localstack.auth.JwtKeys;
import io.chainhub.localstack.kafka.KafkaBroker;
import io.chainhub.localstack.mail.MailSink;
import io.chainhub.localstack.postgres.Postgres;

/**
 * Real infrastructure for integration tests: a Kafka broker (KRaft, catalog topics created),
 * PostgreSQL, anvil and an SMTP sink, started once per test JVM on free ports on first
 * {@link #get()} and stopped when the JVM exits. Tests isolate themselves through fresh databases
 * ({@link #createDatabase()}) and unique names ({@link #uniqueName(String)}) rather than fresh servers.
 */
public final class TestInfrastructure {

    private static volatile TestInfrastructure instance;
    /** A failed start is not retried by every later test class: each attempt could take minutes. */
    private static RuntimeException startFailure;

    private final KafkaBroker kafka;
    private final Postgres postgres;
    private final Anvil anvil;
    private final MailSink mail;
    private final TestTokens tokens;
    private final AtomicInteger sequence = new AtomicInteger();

    private TestInfrastructure(KafkaBroker kafka, Postgres postgres, Anvil anvil, MailSink mail, TestTokens tokens) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.anvil = anvil;
        this.mail = mail;
        this.tokens = tokens;
    }

    /** The JVM-wide instance, started on first call (about 5 s on two cores, all parts side by side). */
    public static TestInfrastructure get() {
        TestInfrastructure result = instance;
        if (result == null) {
            synchronized (TestInfrastructure.class) {
                result = instance;
                if (result == null && startFailure != null) {
                    throw new IllegalStateException("test infrastructure failed to start earlier in this JVM", startFailure);
                }
                if (result == null) {
                    try {
                        instance = result = start();
                    } catch (RuntimeException e) {
                        startFailure = e;
                        throw e;
                    }
                }
            }
        }
        return result;
    }

    private static TestInfrastructure start() {
        // A thread each: the starts mostly wait for child processes, and must overlap on any core count.
        try (ExecutorService starters = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().factory())) {
            CompletableFuture<KafkaBroker> kafka = CompletableFuture.supplyAsync(() -> {
                KafkaBroker broker = KafkaBroker.startTemporary();
                broker.createTopics(Topics.all());
                return broker;
            }, starters);
            CompletableFuture<Postgres> postgres = CompletableFuture.supplyAsync(Postgres::startTemporary, starters);
            CompletableFuture<Anvil> anvil = CompletableFuture.supplyAsync(() -> Anvil.start(), starters);
            CompletableFuture<MailSink> mail = CompletableFuture.supplyAsync(() -> MailSink.start(0, 0), starters);
            CompletableFuture<TestTokens> tokens = CompletableFuture.supplyAsync(TestInfrastructure::tokensInTempDir, starters);
            // Each part stops itself through its own shutdown hook; the mail sink dies with the JVM.
            return new TestInfrastructure(kafka.join(), postgres.join(), anvil.join(), mail.join(), tokens.join());
        } catch (CompletionException e) {
            throw new IllegalStateException("test infrastructure failed to start: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static TestTokens tokensInTempDir() {
        return new TestTokens(JwtKeys.loadOrCreate(TempDirs.create("keys-")));
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public Postgres postgres() {
        return postgres;
    }

    /** Automining anvil (a block per transaction), chain id 31337, the well-known dev accounts funded. */
    public Anvil anvil() {
        return anvil;
    }

    /** SMTP on {@code mail().smtpPort()}; read what arrived with {@code mail().messages()}. */
    public MailSink mail() {
        return mail;
    }

    public TestTokens tokens() {
        return tokens;
    }

    /** Creates a new, empty database and returns its JDBC URL (user and password: postgres). */
    public String createDatabase() {
        String name = uniqueName("test").replace('-', '_');
        postgres.createDatabaseIfMissing(name);
        return postgres.jdbcUrl(name);
    }

    /** {@code prefix-<n>}, unique within this JVM: for consumer groups, transactional ids, topics. */
    public String uniqueName(String prefix) {
        return prefix + "-" + sequence.incrementAndGet();
    }
}
