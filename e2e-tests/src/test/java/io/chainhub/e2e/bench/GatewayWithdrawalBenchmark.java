package io.chainhub.e2e.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.chainhub.devchain.DevChain;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * Issue 7's custody benchmark, only under {@code -Pbenchmark}: N withdrawals (default 1,000) under an
 * auto-approve policy through the whole suite started by {@code ./chainhub up} and the REAL chain gateway
 * on anvil mining a block per second, settled at 2 confirmations. Prints sagas/s and p50/p99 from request
 * to COMPLETED, and as the baseline of the same run the same N native transfers signed in the test and
 * sent straight to anvil, timed until 2 blocks deep: the ratio is what the platform keeps of the chain's rate.
 */
class GatewayWithdrawalBenchmark {

    private static final BigInteger ETH = BigInteger.TEN.pow(18);
    private static final BigInteger AMOUNT = ETH.divide(BigInteger.valueOf(1_000));
    private static final int CONFIRMATIONS = 2; // the stack's default, in the listener and the orchestrator
    /** Sends the baseline's transfers; the deposits come from account 0, the gateway signs as account 4. */
    private static final int RAW_SENDER_ACCOUNT = 3;

    private final int n = Integer.getInteger("benchmark.withdrawals", 1_000);
    private final int clients = Integer.getInteger("benchmark.clients", 32);
    /** All withdrawals from one account share its balance row; more accounts show what that costs. */
    private final int accounts = Integer.getInteger("benchmark.accounts", 1);

    @Test
    void measure() throws Exception {
        System.out.printf("%nBENCHMARK %d withdrawals from %d account(s), %d clients; load average at start %s%n", n, accounts,
                clients, loadAverage());
        try (BenchStack stack = BenchStack.start(); DevChain chain = DevChain.connect(stack.rpcUrl())) {
            OneSecondBlocks.switchOn(chain);
            BenchApi api = new BenchApi(stack);
            api.activateAutoApprovePolicy();
            BigInteger funds = AMOUNT.multiply(BigInteger.valueOf(n)).add(ETH);
            List<String> funded = fundedAccounts(api, chain, funds);

            long nonceBefore = nonce(chain, BenchStack.HOT_WALLET.getAddress());
            BigInteger gasPriceBefore = chain.web3j().ethGasPrice().send().getGasPrice();
            WithdrawalLoad.Result saga;
            try (CompletionWatch watch = new CompletionWatch(stack.kafka())) {
                saga = new WithdrawalLoad(api, clients).run(funded, n, AMOUNT, watch);
            }
            List<String> ids = List.copyOf(saga.sent().keySet());
            double sagaSeconds = Duration.between(Collections.min(saga.sent().values()), Collections.max(saga.completed().values()))
                    .toMillis() / 1000.0;
            Latencies sagaLatency = Latencies.between(inOrder(ids, saga.sent()), inOrder(ids, saga.completed()));
            System.out.printf("%nBENCHMARK custody: %d withdrawals through the real gateway on anvil (1-s blocks, %d confirmations),"
                    + " %d clients: %.1f s, %.2f sagas/s, request -> COMPLETED %s%n", n, CONFIRMATIONS, clients, sagaSeconds,
                    n / sagaSeconds, sagaLatency);
            System.out.println("BENCHMARK where a withdrawal's time went (client clock for the answer, timelines for the rest):");
            System.out.println("  request -> 201 answer                            " + Latencies.between(inOrder(ids, saga.sent()),
                    inOrder(ids, saga.answered())));
            System.out.println(SagaPhases.describe(api, saga.sent(), clients));
            System.out.printf("BENCHMARK anvil eth_gasPrice before %s wei, after %s wei%n", gasPriceBefore,
                    chain.web3j().ethGasPrice().send().getGasPrice());

            assertThat(nonce(chain, BenchStack.HOT_WALLET.getAddress()) - nonceBefore)
                    .as("transactions the hot wallet got onto the chain: one per withdrawal").isEqualTo(n);
            assertThat(funded.stream().map(api::availableEth).reduce(BigInteger.ZERO, BigInteger::add))
                    .isEqualTo(funds.multiply(BigInteger.valueOf(accounts)).subtract(AMOUNT.multiply(BigInteger.valueOf(n))));
            assertThat(api.ledgerSound()).as("ledger invariant").isTrue();

            RawTransfers.Run raw = new RawTransfers(chain, DevChain.account(RAW_SENDER_ACCOUNT)).run(FreshAddresses.of(n), AMOUNT,
                    clients, CONFIRMATIONS, new Progress("raw transfers confirmed"));
            double rawSeconds = Duration.between(raw.start(), Collections.max(raw.confirmed())).toMillis() / 1000.0;
            Latencies rawLatency = Latencies.between(raw.sent(), raw.confirmed());
            System.out.printf("%nBENCHMARK baseline: the same %d native transfers signed in the test, sent straight to anvil by %d"
                    + " clients, %d blocks deep: %.1f s, %.2f transfers/s, send -> %d blocks deep %s%n", n, clients,
                    CONFIRMATIONS, rawSeconds, n / rawSeconds, CONFIRMATIONS, rawLatency);
            System.out.printf("BENCHMARK ratio sagas/s / raw transfers/s = %.3f; p50 latency saga / raw = %.1fx, p99 %.1fx;"
                    + " load average at end %s%n%n", (n / sagaSeconds) / (n / rawSeconds),
                    sagaLatency.seconds(50) / rawLatency.seconds(50), sagaLatency.seconds(99) / rawLatency.seconds(99), loadAverage());
        }
    }

    /** {@link #accounts} accounts of the auto-approve group, each credited {@code funds} by a confirmed deposit. */
    private List<String> fundedAccounts(BenchApi api, DevChain chain, BigInteger funds) {
        List<String> funded = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            String account = api.openAutoApproveAccount();
            String depositAddress = FreshAddresses.one();
            api.assignDepositAddress(account, depositAddress);
            chain.sendEth(DevChain.account(0), depositAddress, funds);
            funded.add(account);
        }
        Awaitility.await("deposits credited after " + CONFIRMATIONS + " confirmations").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500)).until(() -> funded.stream().allMatch(a -> api.availableEth(a).equals(funds)));
        return funded;
    }

    private static List<Instant> inOrder(List<String> ids, Map<String, Instant> instants) {
        return ids.stream().map(instants::get).toList();
    }

    private static long nonce(DevChain chain, String wallet) throws IOException {
        return chain.web3j().ethGetTransactionCount(wallet, DefaultBlockParameterName.LATEST).send().getTransactionCount()
                .longValueExact();
    }

    private static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException e) {
            return "unknown";
        }
    }
}
