package io.chainhub.e2e.bench;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;

/**
 * N withdrawals started over REST by a fixed number of clients (closed loop: each sends its next request
 * when the last one is answered), spread round-robin over the given accounts, followed on
 * {@code custody-events} until every one is COMPLETED. Progress is printed while it runs.
 */
final class WithdrawalLoad {

    /** Per withdrawal id: when its request was sent, when the 201 came back, when it was COMPLETED. */
    record Result(Map<String, Instant> sent, Map<String, Instant> answered, Map<String, Instant> completed) {
    }

    private final BenchApi api;
    private final int clients;

    WithdrawalLoad(BenchApi api, int clients) {
        this.api = api;
        this.clients = clients;
    }

    Result run(List<String> accounts, int n, BigInteger amount, CompletionWatch watch) {
        Map<String, Instant> sent = new ConcurrentHashMap<>();
        Map<String, Instant> answered = new ConcurrentHashMap<>();
        Queue<Throwable> refused = new ConcurrentLinkedQueue<>();
        Progress progress = new Progress("withdrawals completed");
        ExecutorService requests = Executors.newFixedThreadPool(clients);
        try {
            IntStream.range(0, n).forEach(i -> requests.submit(() -> {
                String destination = FreshAddresses.one();
                Instant before = Instant.now();
                try {
                    String id = api.startWithdrawal(accounts.get(i % accounts.size()), amount, destination);
                    answered.put(id, Instant.now());
                    sent.put(id, before);
                } catch (RuntimeException | AssertionError e) {
                    refused.add(e);
                }
            }));
            requests.shutdown();
            Awaitility.await("all withdrawals COMPLETED").atMost(Duration.ofMinutes(Math.max(15, n / 30)))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> {
                        if (!refused.isEmpty()) {
                            throw new AssertionError(refused.size() + " withdrawal request(s) refused", refused.peek());
                        }
                        if (!watch.spoiled().isEmpty()) {
                            throw new AssertionError("withdrawals that did not go straight through: " + watch.spoiled());
                        }
                        progress.report(watch.completedCount(), n, "requested " + sent.size() + "/" + n);
                        progress.failIfStalled(watch.completedCount(), Duration.ofMinutes(5));
                        return sent.size() == n && watch.completed().keySet().containsAll(sent.keySet());
                    });
        } finally {
            requests.shutdownNow();
        }
        return new Result(Map.copyOf(sent), Map.copyOf(answered), watch.completed());
    }
}
