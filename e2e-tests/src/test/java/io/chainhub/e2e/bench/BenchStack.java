package io.chainhub.e2e.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.chainhub.devchain.DevChain;
import io.chainhub.e2e.LocalStack;
import org.web3j.crypto.Credentials;

/**
 * The whole suite started by the real {@code ./chainhub} script for the benchmark: its own home and
 * ports shifted by {@link #OFFSET}, beside the e2e tests' stacks and a developer's. The chain gateway
 * signs with anvil's fifth dev account, so the benchmark can count what that wallet sent.
 */
final class BenchStack implements AutoCloseable {

    static final int OFFSET = 23_000;
    private static final int HOT_WALLET_ACCOUNT = 4;
    static final Credentials HOT_WALLET = DevChain.account(HOT_WALLET_ACCOUNT);
    private final LocalStack script = new LocalStack(Path.of("e2e-tests/target/chainhub-bench"), OFFSET, Map.of(
            "CHAINHUB_GATEWAY_PRIVATEKEY", DevChain.DEV_PRIVATE_KEYS.get(HOT_WALLET_ACCOUNT)));
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    /** A fresh stack (data of an earlier run wiped), leftovers of an aborted run stopped first. */
    static BenchStack start() {
        BenchStack stack = new BenchStack();
        if (!stack.script.leftovers().isEmpty()) {
            stack.script.run(Duration.ofMinutes(3), "down");
        }
        stack.script.wipeData();
        try {
            stack.script.run(Duration.ofMinutes(8), "up");
        } catch (AssertionError failed) {
            // A service jar rebuilt by another build while it is extracted fails the start: once more, cleanly.
            System.out.println("./chainhub up failed, once more after a down: " + failed.getMessage());
            stack.script.run(Duration.ofMinutes(3), "down");
            stack.script.wipeData();
            try {
                stack.script.run(Duration.ofMinutes(8), "up");
            } catch (AssertionError again) {
                stack.close(); // a partly started stack keeps running otherwise
                throw again;
            }
        }
        return stack;
    }

    String url(int usualPort) {
        return "http://localhost:" + script.port(usualPort);
    }

    String rpcUrl() {
        return url(8545);
    }

    String kafka() {
        return "localhost:" + script.port(9092);
    }

    /** A JWT of a demo user, minted once by {@code ./chainhub token USER}. */
    String token(String user) {
        return tokens.computeIfAbsent(user, u -> script.run(Duration.ofMinutes(1), "token", u));
    }

    @Override
    public void close() {
        script.run(Duration.ofMinutes(3), "down");
    }
}
