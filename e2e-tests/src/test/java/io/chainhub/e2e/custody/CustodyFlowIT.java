package io.chainhub.e2e.custody;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.chainhub.devchain.DevChain;
import io.chainhub.e2e.WebhookReceiver;
import io.chainhub.events.kafka.EventJson;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.protocol.core.methods.response.Transaction;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Custody through the whole suite started by {@code ./chainhub up}: a deposit made on anvil is credited
 * only once confirmed; a withdrawal waits for two approvers other than its requester, is signed and
 * broadcast by the real chain gateway on anvil, confirmed and settled; a custody webhook arrives signed.
 */
@ExtendWith(SharedCustodyStack.class)
class CustodyFlowIT {

    private static final BigInteger ETH = BigInteger.TEN.pow(18);
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static CustodyStack stack;
    private static CustodyApi api;

    @BeforeAll
    static void stack(CustodyStack shared) {
        stack = shared;
        api = new CustodyApi(shared);
    }

    @Test
    void shouldCreditConfirmedDepositThenSettleWithdrawalApprovedByTwoOthersAndSendSignedCustodyWebhook() throws Exception {
        String depositAddress = CustodyApi.freshAddress();
        String destination = CustodyApi.freshAddress();
        try (WebhookReceiver receiver = new WebhookReceiver();
             DevChain chain = DevChain.connect(stack.rpcUrl())) {
            String secret = api.subscribe("""
                    {"name": "custody-e2e", "eventTypes": ["custody.*"], "addresses": ["%s", "%s"], "addressRole": "EITHER",
                     "webhook": {"url": "%s"}}""".formatted(depositAddress, destination, receiver.url()))
                    .path("webhook").path("secret").asString();
            String account = api.openAccount("custody-flow-" + UUID.randomUUID());
            api.assignDepositAddress(account, depositAddress);

            // Deposit: seen at 0 confirmations it is only pending; the confirmation depth (2) makes it available.
            chain.sendEth(DevChain.account(0), depositAddress, ETH);
            await("deposit pending, nothing available yet").until(() ->
                    api.nativeBalance(account).equals(new CustodyApi.Balance(BigInteger.ZERO, BigInteger.ZERO, ETH)));
            chain.mine(2);
            await("deposit credited after 2 confirmations").until(() ->
                    api.nativeBalance(account).equals(new CustodyApi.Balance(ETH, BigInteger.ZERO, BigInteger.ZERO)));
            assertThat(api.deposits(account)).singleElement()
                    .satisfies(d -> assertThat(d.path("state").asString()).isEqualTo("CREDITED"));

            // Withdrawal by admin (operator and approver): policy v1 wants two approvals, never the requester's own.
            BigInteger amount = ETH.multiply(BigInteger.valueOf(4)).divide(BigInteger.TEN);
            String key = "flow-" + UUID.randomUUID();
            JsonNode started = CustodyApi.expect(201, api.startWithdrawal("admin", key, account, amount, destination));
            String id = started.path("id").asString();
            assertThat(CustodyApi.expect(200, api.startWithdrawal("admin", key, account, amount, destination)).path("id").asString())
                    .as("same Idempotency-Key and body: the original withdrawal").isEqualTo(id);
            await("awaiting two approvals").until(() -> api.withdrawal(id).path("state").asString().equals("AWAITING_APPROVAL"));
            assertThat(api.withdrawal(id).path("approvalsRequired").asInt()).isEqualTo(2);
            assertThat(api.nativeBalance(account)).isEqualTo(new CustodyApi.Balance(ETH.subtract(amount), amount, BigInteger.ZERO));

            CustodyApi.Response own = api.approve(id, "admin");
            assertThat(own.status()).as(own.body()).isEqualTo(403);
            assertThat(own.json().path("detail").asString()).contains("requester");
            assertThat(api.approve(id, "alice").status()).as("an operator is no approver").isEqualTo(403);
            assertThat(CustodyApi.expect(200, api.approve(id, "bob")).path("state").asString()).isEqualTo("AWAITING_APPROVAL");
            assertThat(api.approve(id, "bob").status()).as("bob approving twice").isEqualTo(409);
            CustodyApi.expect(200, api.approve(id, "carol"));

            // Signed once and broadcast by the gateway: the transaction is on anvil, waiting for depth.
            await("broadcast by the chain gateway").until(() -> api.withdrawal(id).path("state").asString().equals("CONFIRMING"));
            String txHash = api.withdrawal(id).path("txHash").asString();
            Transaction tx = chain.web3j().ethGetTransactionByHash(txHash).send().getTransaction().orElseThrow(() ->
                    new AssertionError("withdrawal tx " + txHash + " is not on anvil"));
            assertThat(tx.getFrom()).isEqualToIgnoringCase(CustodyStack.HOT_WALLET.getAddress());
            assertThat(tx.getTo()).isEqualToIgnoringCase(destination);
            assertThat(tx.getValue()).isEqualTo(amount);

            chain.mine(2);
            await("confirmed and settled").until(() -> api.withdrawal(id).path("state").asString().equals("COMPLETED"));
            JsonNode completed = api.withdrawal(id);
            assertThat(completed.path("approvals").valueStream().map(a -> a.path("approver").asString()))
                    .containsExactlyInAnyOrder("bob", "carol");
            assertThat(completed.path("timeline").valueStream().map(t -> t.path("to").asString()).distinct())
                    .containsSubsequence("SCREENING", "AWAITING_APPROVAL", "SIGNING", "CONFIRMING", "COMPLETED");
            assertThat(api.nativeBalance(account)).isEqualTo(new CustodyApi.Balance(ETH.subtract(amount), BigInteger.ZERO, BigInteger.ZERO));
            assertThat(chain.ethBalance(destination)).isEqualTo(amount);
            assertThat(api.ledgerCheck().path("sound").asBoolean()).as(api.ledgerCheck().toString()).isTrue();

            // The custody webhook: Standard Webhooks signature under the subscription's secret.
            await("custody.withdrawal.completed webhook").until(() -> completedWebhook(receiver, id) != null);
            WebhookReceiver.Delivery delivery = completedWebhook(receiver, id);
            assertThat(WebhookReceiver.signedWith(secret, delivery)).as(delivery.toString()).isTrue();
            JsonNode data = EventJson.mapper().readTree(delivery.body()).path("data");
            assertThat(data.path("txHash").asString()).isEqualTo(txHash);
            assertThat(data.path("amount").asString()).isEqualTo(amount.toString());
            assertThat(receiver.deliveries()).extracting(d -> EventJson.mapper().readTree(d.body()).path("type").asString())
                    .contains("custody.deposit.credited", "custody.withdrawal.requested", "custody.withdrawal.completed");
        }
    }

    private static WebhookReceiver.Delivery completedWebhook(WebhookReceiver receiver, String withdrawalId) {
        List<WebhookReceiver.Delivery> matching = receiver.deliveries().stream().filter(d -> {
            JsonNode body = EventJson.mapper().readTree(d.body());
            return body.path("type").asString().equals("custody.withdrawal.completed")
                    && body.path("data").path("sagaId").asString().equals(withdrawalId);
        }).toList();
        return matching.isEmpty() ? null : matching.getFirst();
    }

    private static org.awaitility.core.ConditionFactory await(String what) {
        return Awaitility.await(what).atMost(WAIT).pollInterval(Duration.ofMillis(250));
    }
}
