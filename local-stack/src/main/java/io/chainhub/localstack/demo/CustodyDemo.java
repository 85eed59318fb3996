package io.chainhub.localstack.demo;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.chainhub.devchain.DevChain;
import io.chainhub.devchain.TxResult;
import io.chainhub.localstack.demo.DemoApi.Service;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.Transaction;
import tools.jackson.databind.JsonNode;

/**
 * Custody part of the demo: opens an account with a fresh deposit address, deposits 2 ETH from a fresh
 * customer wallet on anvil and waits for the credit, then withdraws 0.5 ETH as alice. The default policy
 * wants two approvals: bob and carol give them; the chain gateway signs and broadcasts; the demo mines the
 * confirmations. Prints every state change, the transaction on anvil and the final balances.
 */
final class CustodyDemo {

    static final String HOOK = "custody";
    private static final long CHAIN_ID = 31337;
    private static final Set<String> TERMINAL = Set.of("COMPLETED", "REJECTED", "CANCELLED", "EXPIRED", "FAILED");
    private static final Duration CREDIT_WAIT = Duration.ofSeconds(30);
    private static final Duration WITHDRAWAL_WAIT = Duration.ofSeconds(45);
    /** anvil mines only on transactions: the demo mines a block at most this often while confirming. */
    private static final Duration MINE_EVERY = Duration.ofMillis(700);

    private final DemoApi api;
    private final DemoSubscriptions subscriptions;
    private final DemoWebhookReceiver receiver;
    private final String depositAddress = DemoWallets.freshAddress();
    private final String destination = DemoWallets.freshAddress();

    CustodyDemo(DemoApi api, DemoSubscriptions subscriptions, DemoWebhookReceiver receiver) {
        this.api = api;
        this.subscriptions = subscriptions;
        this.receiver = receiver;
    }

    void subscribe() {
        subscriptions.subscribe(HOOK, Map.of(
                "name", "demo: custody events of the demo account",
                "eventTypes", List.of("custody.*"),
                "addresses", List.of(depositAddress, destination)), null);
    }

    void run(DevChain chain) {
        String account = api.post(Service.SAGA, "/api/accounts", "alice",
                Map.of("owner", "demo customer " + Instant.now(), "group", "demo")).path("id").asString();
        api.post(Service.SAGA, "/api/accounts/" + account + "/deposit-addresses", "alice",
                Map.of("chainId", CHAIN_ID, "address", depositAddress));
        System.out.printf("[custody] account %s with deposit address %s%n", account, depositAddress);

        Credentials customer = DemoWallets.funded(chain, 10);
        TxResult deposit = chain.sendEth(customer, depositAddress, DemoWallets.wei("2"));
        System.out.printf("[custody] deposited 2 ETH on anvil: tx %s (block %d)%n", deposit.txHash(), deposit.blockNumber());
        showDeposit(chain, account);

        String withdrawal = api.post(Service.SAGA, "/api/withdrawals", "alice", Map.of("accountId", account,
                        "chainId", CHAIN_ID, "token", "native", "amount", DemoWallets.wei("0.5").toString(),
                        "destination", destination), Map.of("Idempotency-Key", "demo-" + UUID.randomUUID()))
                .path("id").asString();
        System.out.printf("[custody] alice requested withdrawal %s of 0.5 ETH to %s%n", withdrawal, destination);
        JsonNode last = follow(chain, withdrawal);
        if (last != null && "COMPLETED".equals(last.path("state").asString())) {
            String txHash = last.path("txHash").asString();
            System.out.printf("[custody] withdrawal %s COMPLETED: tx %s%n", withdrawal, txHash);
            showTransaction(chain, txHash);
        }
        showBalances(chain, account);
        if (last != null && "COMPLETED".equals(last.path("state").asString())) {
            Await.until("the custody.withdrawal.completed webhook", Duration.ofSeconds(15), "see ./chainhub logs notification-service",
                    () -> receiver.verified(HOOK).stream().anyMatch(d -> d.type().equals("custody.withdrawal.completed"))
                            ? Optional.of(true) : Optional.empty());
        }
        System.out.printf("[custody] %d custody webhooks verified%n", receiver.verified(HOOK).size());
    }

    private void showDeposit(DevChain chain, String account) {
        chain.mine(2); // bury it to the listener's confirmation depth
        Optional<JsonNode> credited = Await.until("the deposit to be credited", CREDIT_WAIT,
                "is the listener following anvil? ./chainhub logs saga-orchestrator, GET /api/deposits", () -> {
                    JsonNode deposits = api.get(Service.SAGA, "/api/deposits?accountId=" + account, "viewer");
                    return deposits.size() > 0 && "CREDITED".equals(deposits.get(0).path("state").asString())
                            ? Optional.of(deposits.get(0)) : Optional.empty();
                });
        credited.ifPresent(d -> System.out.printf("[custody] deposit %s: %s ETH available%n",
                d.path("state").asString(), DemoText.units(d.path("amount").asString(), d.path("decimals").asInt(18))));
    }

    /** Prints the saga's timeline as it grows, approves when asked, mines while it waits for confirmations. */
    private JsonNode follow(DevChain chain, String withdrawal) {
        int printed = 0;
        Set<String> approved = new HashSet<>();
        Instant deadline = Instant.now().plus(WITHDRAWAL_WAIT);
        Instant nextBlock = Instant.now();
        JsonNode view = null;
        while (Instant.now().isBefore(deadline)) {
            view = api.get(Service.SAGA, "/api/withdrawals/" + withdrawal, "viewer");
            JsonNode timeline = view.path("timeline");
            for (; printed < timeline.size(); printed++) {
                JsonNode step = timeline.get(printed);
                // the first entry opens the saga: its "from" repeats its "to"
                System.out.printf("  [custody] %s -> %s (%s by %s)%s%n", printed == 0 ? "new" : step.path("from").asString("-"),
                        step.path("to").asString(), step.path("cause").asString(), step.path("actor").asString(),
                        step.path("detail").asString("").isEmpty() ? "" : ": " + step.path("detail").asString());
            }
            String state = view.path("state").asString();
            if (TERMINAL.contains(state)) {
                return view;
            }
            if (state.equals("AWAITING_APPROVAL")) {
                for (String approver : List.of("bob", "carol")) {
                    if (approved.add(approver)) {
                        api.post(Service.SAGA, "/api/withdrawals/" + withdrawal + "/approve", approver,
                                Map.of("comment", "demo approval by " + approver));
                        System.out.println("  [custody] " + approver + " approved");
                    }
                }
            }
            if (state.equals("CONFIRMING") && Instant.now().isAfter(nextBlock)) {
                chain.mine(1);
                nextBlock = Instant.now().plus(MINE_EVERY);
            }
            Await.pause();
        }
        String state = view == null ? "unknown" : view.path("state").asString();
        System.out.println("[demo] TIMEOUT after " + WITHDRAWAL_WAIT.toSeconds() + " s: withdrawal still " + state + ": "
                + (state.equals("SIGNING") ? "is the chain gateway on? listener-service signs only with a hot-wallet key"
                + " (CHAINHUB_GATEWAY_PRIVATEKEY, see saga-orchestrator/README.md); ./chainhub logs listener-service"
                : "see ./chainhub logs saga-orchestrator and GET /api/withdrawals/" + withdrawal));
        return view;
    }

    private static void showTransaction(DevChain chain, String txHash) {
        try {
            Transaction tx = chain.web3j().ethGetTransactionByHash(txHash).send().getTransaction().orElse(null);
            if (tx == null) {
                System.out.println("[custody] tx " + txHash + " is not on anvil");
                return;
            }
            System.out.printf("[custody] on anvil: tx %s in block %s, hot wallet %s -> %s, %s%n", txHash,
                    tx.getBlockNumber(), tx.getFrom(), tx.getTo(), DemoText.eth(tx.getValue()));
        } catch (IOException e) {
            System.out.println("[custody] anvil not reachable: " + e.getMessage());
        }
    }

    private void showBalances(DevChain chain, String account) {
        for (JsonNode balance : api.get(Service.SAGA, "/api/accounts/" + account + "/balances", "viewer")) {
            int decimals = balance.path("decimals").asInt();
            System.out.printf("[custody] ledger balance %s: available %s, held %s, pending %s%n",
                    balance.path("symbol").asString(balance.path("token").asString()),
                    DemoText.units(balance.path("available").asString(), decimals),
                    DemoText.units(balance.path("held").asString(), decimals),
                    DemoText.units(balance.path("pending").asString(), decimals));
        }
        BigInteger received = chain.ethBalance(destination);
        System.out.printf("[custody] on anvil: deposit address holds %s, withdrawal destination holds %s%n",
                DemoText.eth(chain.ethBalance(depositAddress)), DemoText.eth(received));
    }
}
