package io.chainhub.saga.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.chainhub.events.topics.Topics;
import io.chainhub.testsupport.ChainHubIntegrationTest;
import io.chainhub.testsupport.KafkaTestConsumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The withdrawal saga over the real broker and PostgreSQL. Screening and the chain gateway are
 * answered by {@link TestParticipants} speaking the same contract (the real gateway is tested in
 * listener-service against anvil).
 */
@ChainHubIntegrationTest
class WithdrawalIT extends WithdrawalScenarioSupport {

    @Test
    void shouldCompleteAfterTwoDifferentApproversWhenAboveThreshold() {
        String account = custody.account("standard");
        String token = custody.fund(account, "10000");

        try (KafkaTestConsumer events = KafkaTestConsumer.subscribe(Topics.CUSTODY_EVENTS)) {
            SagaApi.Answer started = start(account, token, "4000", Custody.randomAddress(), "dave", null);
            assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
            String id = started.text("id");
            awaitState(id, "AWAITING_APPROVAL");
            custody.awaitBalance(account, token, "6000", "4000", "0");

            SagaApi.Answer own = api.post("/api/withdrawals/" + id + "/approve", null, "dave", "operator", "approver");
            assertThat(own.status()).isEqualTo(403);
            assertThat(own.contentType()).startsWith("application/problem+json");
            assertThat(own.text("detail")).contains("cannot approve");

            assertThat(api.get("/api/withdrawals/pending-approval", "bob").body().toString()).contains(id);
            assertThat(api.post("/api/withdrawals/" + id + "/approve", Map.of("comment", "ok"), "bob").status()).isEqualTo(200);
            assertThat(get(id).text("state")).isEqualTo("AWAITING_APPROVAL");
            assertThat(api.post("/api/withdrawals/" + id + "/approve", null, "bob").status()).isEqualTo(409);
            assertThat(api.post("/api/withdrawals/" + id + "/approve", null, "carol").status()).isEqualTo(200);

            awaitState(id, "COMPLETED");
            custody.awaitBalance(account, token, "6000", "0", "0");
            custody.assertLedgerSound();
            var completed = get(id);
            assertThat(completed.text("txHash")).startsWith("0x");
            assertThat(completed.body().path("timeline").toString())
                    .contains("AWAITING_APPROVAL", "SIGNING", "CONFIRMING", "COMPLETED");
            events.awaitRecord(r -> r.key().equals(id) && r.value().contains("custody.withdrawal.completed"),
                    Duration.ofSeconds(20));
        }
    }

    @Test
    void shouldRefuseApprovalWhenCallerHasNoApproverRole() {
        String account = custody.account("standard");
        String token = custody.fund(account, "5000");
        String id = start(account, token, "2000", Custody.randomAddress(), "dave", null).text("id");
        awaitState(id, "AWAITING_APPROVAL");

        assertThat(api.post("/api/withdrawals/" + id + "/approve", null, "alice").status()).isEqualTo(403);
    }

    @Test
    void shouldExpireAndReleaseHoldWhenApprovalWindowElapses() {
        String account = custody.account("expiring");
        String token = custody.fund(account, "300");

        String id = start(account, token, "200", Custody.randomAddress(), "alice", null).text("id");

        awaitState(id, "EXPIRED");
        custody.awaitBalance(account, token, "300", "0", "0");
        custody.assertLedgerSound();
        assertThat(api.post("/api/withdrawals/" + id + "/approve", null, "bob").status()).isEqualTo(409);
    }

    @Test
    void shouldCompleteWithoutApprovalsWhenPolicyAllows() {
        String account = custody.account("auto");
        String token = custody.fund(account, "900");

        String id = start(account, token, "900", Custody.randomAddress(), "alice", null).text("id");

        awaitState(id, "COMPLETED");
        custody.awaitBalance(account, token, "0", "0", "0");
        custody.assertLedgerSound();
    }

    @Test
    void shouldRejectAndReleaseHoldWhenScreeningRejects() {
        String account = custody.account("auto");
        String token = custody.fund(account, "100");

        String id = start(account, token, "100", TestParticipants.SANCTIONED, "alice", null).text("id");

        awaitState(id, "REJECTED");
        assertThat(get(id).text("reason")).contains("screening rejected");
        custody.awaitBalance(account, token, "100", "0", "0");
        custody.assertLedgerSound();
    }

    @Test
    void shouldRejectWhenDestinationNotOnAllowList() {
        String account = custody.account("allowlist");
        String token = custody.fund(account, "100");

        String id = start(account, token, "10", Custody.randomAddress(), "alice", null).text("id");

        awaitState(id, "REJECTED");
        assertThat(get(id).text("reason")).contains("allow-list");
        custody.awaitBalance(account, token, "100", "0", "0");
    }

    @Test
    void shouldRejectWhenVelocityLimitExceeded() {
        String account = custody.account("velocity");
        String token = custody.fund(account, "3000");
        String first = start(account, token, "1000", Custody.randomAddress(), "alice", null).text("id");
        awaitState(first, "COMPLETED");

        String second = start(account, token, "1000", Custody.randomAddress(), "alice", null).text("id");

        awaitState(second, "REJECTED");
        assertThat(get(second).text("reason")).contains("velocity");
        custody.awaitBalance(account, token, "2000", "0", "0");
    }

    @Test
    void shouldCancelAndReleaseHoldWhenAwaitingApproval() {
        String account = custody.account("standard");
        String token = custody.fund(account, "5000");
        String id = start(account, token, "5000", Custody.randomAddress(), "alice", null).text("id");
        awaitState(id, "AWAITING_APPROVAL");

        SagaApi.Answer cancelled = api.post("/api/withdrawals/" + id + "/cancel", null, "alice");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("state")).isEqualTo("CANCELLED");
        custody.awaitBalance(account, token, "5000", "0", "0");
        custody.assertLedgerSound();
    }

    @Test
    void shouldAnswer409WhenCancellingCompletedWithdrawal() {
        String account = custody.account("auto");
        String token = custody.fund(account, "10");
        String id = start(account, token, "10", Custody.randomAddress(), "alice", null).text("id");
        awaitState(id, "COMPLETED");

        SagaApi.Answer cancelled = api.post("/api/withdrawals/" + id + "/cancel", null, "alice");

        assertThat(cancelled.status()).isEqualTo(409);
        assertThat(cancelled.text("detail")).contains("can no longer be cancelled");
    }

    @Test
    void shouldReturnOriginalWhenSameIdempotencyKeyAndBody() {
        String account = custody.account("standard");
        String token = custody.fund(account, "5000");
        String key = UUID.randomUUID().toString();
        String destination = Custody.randomAddress();

        SagaApi.Answer first = start(account, token, "3000", destination, "alice", key);
        SagaApi.Answer again = start(account, token, "3000", destination, "alice", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        awaitState(first.text("id"), "AWAITING_APPROVAL");
        custody.awaitBalance(account, token, "2000", "3000", "0");
    }

    @Test
    void shouldAnswer422WhenSameIdempotencyKeyWithAnotherBody() {
        String account = custody.account("standard");
        String token = custody.fund(account, "5000");
        String key = UUID.randomUUID().toString();
        start(account, token, "3000", Custody.randomAddress(), "alice", key);

        SagaApi.Answer other = start(account, token, "3001", Custody.randomAddress(), "alice", key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.text("detail")).contains("different request body");
        custody.awaitBalance(account, token, "2000", "3000", "0");
    }

    @Test
    void shouldAnswer422WhenBalanceInsufficient() {
        String account = custody.account("auto");
        String token = custody.fund(account, "10");

        SagaApi.Answer answer = start(account, token, "11", Custody.randomAddress(), "alice", null);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.text("detail")).contains("insufficient available balance");
        custody.awaitBalance(account, token, "10", "0", "0");
        custody.assertLedgerSound();
    }

    @Test
    void shouldAnswer400WhenAmountNotAnInteger() {
        SagaApi.Answer answer = start(UUID.randomUUID().toString(), Custody.randomAddress(), "1.5", Custody.randomAddress(),
                "alice", null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().toString()).contains("amount");
    }

    @Test
    void shouldAnswerEveryReadWhenMoreConcurrentRequestsThanPooledConnections() throws Exception {
        String account = custody.account("standard");
        String token = custody.fund(account, "5000");
        String id = start(account, token, "3000", Custody.randomAddress(), "dave", null).text("id");
        awaitState(id, "AWAITING_APPROVAL");
        assertThat(api.post("/api/withdrawals/" + id + "/approve", Map.of("comment", "ok"), "bob").status()).isEqualTo(200);

        // twenty times the pool (10): reading a withdrawal's approvals must not need a second connection
        List<Callable<Integer>> reads = IntStream.range(0, 200).<Callable<Integer>>mapToObj(i -> i % 2 == 0
                ? () -> get(id).status()
                : () -> api.get("/api/withdrawals?accountId=" + account, "viewer", "viewer").status()).toList();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Integer> answer : clients.invokeAll(reads, 20, TimeUnit.SECONDS)) {
                assertThat(answer.isCancelled()).as("answered within 20 s").isFalse();
                assertThat(answer.get()).isEqualTo(200);
            }
        }
        assertThat(get(id).body().path("approvals").path(0).path("approver").asString()).isEqualTo("bob");
    }

    private SagaApi.Answer start(String account, String token, String amount, String destination, String user, String key) {
        Map<String, String> headers = key == null ? Map.of() : Map.of("Idempotency-Key", key);
        String[] roles = user.equals("dave") ? new String[] {"operator", "approver"} : new String[0];
        return api.post("/api/withdrawals", Map.of("accountId", account, "chainId", Custody.CHAIN, "token", token,
                "amount", amount, "destination", destination), headers, user, roles);
    }

    private SagaApi.Answer get(String id) {
        return api.get("/api/withdrawals/" + id, "viewer", "viewer");
    }

    private void awaitState(String id, String state) {
        Awaitility.await(id + " " + state).atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(get(id).text("state")).isEqualTo(state));
    }
}
