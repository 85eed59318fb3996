package io.chainhub.e2e.custody;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.chainhub.devchain.DevChain;
import io.chainhub.e2e.LocalStack;
import org.web3j.crypto.Credentials;

/**
 * The whole suite started by the real {@code ./chainhub} script, in its own home and on ports shifted
 * by {@link #OFFSET} (beside ChainHubUpIT's stack and a developer's), with the chain gateway switched
 * on in listener-service. Services can be killed with SIGKILL and brought back with
 * {@code ./chainhub restart}.
 */
final class CustodyStack implements AutoCloseable {

    static final int OFFSET = 21_000;
    static final String ORCHESTRATOR = "saga-orchestrator";
    /** Hosts the chain gateway. */
    static final String GATEWAY = "listener-service";
    /** Answers the orchestrator's screening commands. */
    static final String FRAUD = "fraud-service";
    /** The gateway's hot wallet: anvil's fifth dev account, which nothing else in these tests spends from. */
    private static final int HOT_WALLET_ACCOUNT = 4;
    static final Credentials HOT_WALLET = DevChain.account(HOT_WALLET_ACCOUNT);

    private final LocalStack script = new LocalStack(Path.of("e2e-tests/target/chainhub-custody"), OFFSET, environment());
    private final Path home = script.home();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    /** Starts a fresh stack (data of an earlier run wiped), stopping leftovers of an aborted run first. */
    static CustodyStack start() {
        CustodyStack stack = new CustodyStack();
        if (!stack.leftovers().isEmpty()) {
            stack.run(Duration.ofMinutes(3), "down");
        }
        stack.wipeData();
        try {
            stack.run(Duration.ofMinutes(8), "up");
        } catch (AssertionError failed) {
            // Other engineers rebuild service jars while this runs: a jar caught half-written fails its
            // extraction or its start. One more clean start re-extracts what changed.
            System.out.println("./chainhub up failed, once more after a down: " + failed.getMessage());
            stack.run(Duration.ofMinutes(3), "down");
            stack.wipeData();
            stack.run(Duration.ofMinutes(8), "up");
        }
        return stack;
    }

    int port(int usual) {
        return usual + OFFSET;
    }

    String url(int usualPort) {
        return "http://localhost:" + port(usualPort);
    }

    String rpcUrl() {
        return url(8545);
    }

    String kafka() {
        return "localhost:" + port(9092);
    }

    /** A JWT of a demo user (alice operator, bob and carol approvers, admin, viewer), minted once. */
    String token(String user) {
        return tokens.computeIfAbsent(user, u -> run(Duration.ofMinutes(1), "token", u));
    }

    /** SIGKILL, as a crash: no shutdown hook, no Kafka or database clean-up. */
    void kill(String service) {
        ProcessHandle process = process(service);
        process.destroyForcibly(); // SIGKILL on Linux
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(service + " (pid " + process.pid() + ") survived SIGKILL", e);
        }
    }

    /** SIGSTOP: the service holds still (a saga waiting on it stays at that step) until {@link #resume}. */
    void pause(String service) {
        signal("STOP", service);
    }

    /** SIGCONT after {@link #pause}. */
    void resume(String service) {
        signal("CONT", service);
    }

    private void signal(String signal, String service) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process(service).pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -" + signal + " " + service + " failed");
            }
        } catch (IOException e) {
            throw new AssertionError("could not signal " + service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The running process of a service of this stack (its pid file, checked against its command line). */
    private ProcessHandle process(String service) {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(home.resolve("pids/" + service + ".pid")).strip());
        } catch (IOException e) {
            throw new AssertionError(service + " has no pid file: was it started?", e);
        }
        return ProcessHandle.of(pid)
                .filter(p -> p.info().commandLine().orElse("").contains("-Dchainhub.home=" + home))
                .orElseThrow(() -> new AssertionError(service + " (pid " + pid + ") is not running"));
    }

    /** {@code ./chainhub restart NAME...}: back and ready, or an assertion error with the script's output. */
    void restart(String... services) {
        List<String> args = new ArrayList<>(List.of("restart"));
        args.addAll(List.of(services));
        run(Duration.ofMinutes(5), args.toArray(String[]::new));
    }

    @Override
    public void close() {
        run(Duration.ofMinutes(3), "down");
    }

    List<String> leftovers() {
        return script.leftovers();
    }

    private void wipeData() {
        script.wipeData();
    }

    private String run(Duration timeout, String... args) {
        return script.run(timeout, args);
    }

    /**
     * The services inherit the script's environment: a hot-wallet key of the gateway's own (the script's
     * default is another dev account) and crash-recovery timeouts short enough for a test that kills services
     * eight times: a consumer killed with SIGKILL holds its partitions until its session times out
     * (45 s by default), a transaction it left open blocks read_committed readers until it times out
     * (60 s) unless its transactional id is reused.
     */
    private static Map<String, String> environment() {
        return Map.of(
                "CHAINHUB_GATEWAY_PRIVATEKEY", DevChain.DEV_PRIVATE_KEYS.get(HOT_WALLET_ACCOUNT),
                "SPRING_KAFKA_CONSUMER_PROPERTIES_SESSION_TIMEOUT_MS", "6000",
                "SPRING_KAFKA_CONSUMER_PROPERTIES_HEARTBEAT_INTERVAL_MS", "1500",
                "SPRING_KAFKA_PRODUCER_PROPERTIES_TRANSACTION_TIMEOUT_MS", "20000");
    }
}
