package io.chainhub.e2e.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import io.chainhub.events.kafka.EventJson;
import tools.jackson.databind.JsonNode;

/** The saga-orchestrator's REST API as the benchmark's users call it; any unexpected status fails with its body. */
final class BenchApi {

    static final long CHAIN_ID = 31337;
    /** Accounts of this group are allowed straight through by the policy the benchmark activates. */
    static final String AUTO_APPROVE_GROUP = "bench";

    private static final int ORCHESTRATOR = 8085;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BenchStack stack;

    BenchApi(BenchStack stack) {
        this.stack = stack;
    }

    /**
     * A new policy version with an auto-approve (ALLOW) rule for {@link #AUTO_APPROVE_GROUP}, proposed by
     * {@code admin} and activated by {@code dana}: a policy change needs two different admins. Other groups
     * keep version 1's two approvals.
     */
    void activateAutoApprovePolicy() {
        JsonNode proposed = expect(201, post("/api/policies", "admin", """
                {"rules": [
                  {"name": "two-approvals", "accountGroup": "default", "requireApprovalAbove": "0", "approvals": 2},
                  {"name": "bench-auto-approve", "accountGroup": "%s"}]}""".formatted(AUTO_APPROVE_GROUP), null));
        JsonNode active = expect(200, post("/api/policies/" + proposed.path("version").asInt() + "/approve", "dana", "{}", null));
        if (!active.path("state").asString().equals("ACTIVE")) {
            throw new AssertionError("policy not active: " + active);
        }
    }

    String openAutoApproveAccount() {
        return expect(201, post("/api/accounts", "alice", """
                {"owner": "bench-%s", "group": "%s"}""".formatted(UUID.randomUUID(), AUTO_APPROVE_GROUP), null))
                .path("id").asString();
    }

    void assignDepositAddress(String accountId, String address) {
        expect(201, post("/api/accounts/" + accountId + "/deposit-addresses", "alice", """
                {"chainId": %d, "address": "%s"}""".formatted(CHAIN_ID, address), null));
    }

    BigInteger availableEth(String accountId) {
        return expect(200, get("/api/accounts/" + accountId + "/balances")).valueStream()
                .filter(b -> b.path("token").asString().equals("native") && b.path("chainId").asLong() == CHAIN_ID)
                .map(b -> new BigInteger(b.path("available").asString()))
                .findFirst().orElse(BigInteger.ZERO);
    }

    /** {@code POST /api/withdrawals} of native ETH by alice; returns the withdrawal id. */
    String startWithdrawal(String accountId, BigInteger wei, String destination) {
        return expect(201, post("/api/withdrawals", "alice", """
                {"accountId": "%s", "chainId": %d, "token": "native", "amount": "%s", "destination": "%s"}"""
                .formatted(accountId, CHAIN_ID, wei, destination), UUID.randomUUID().toString())).path("id").asString();
    }

    /** One withdrawal with its timeline. */
    JsonNode withdrawal(String id) {
        return expect(200, get("/api/withdrawals/" + id));
    }

    boolean ledgerSound() {
        return expect(200, get("/api/ledger/check")).path("sound").asBoolean();
    }

    private HttpResponse<String> get(String path) {
        return send(request(path, "viewer").GET());
    }

    private HttpResponse<String> post(String path, String user, String json, String idempotencyKey) {
        HttpRequest.Builder request = request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path, String user) {
        // generous: under load the orchestrator answers slowly, which is part of what is measured
        return HttpRequest.newBuilder(URI.create(stack.url(ORCHESTRATOR) + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + stack.token(user));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected HTTP " + status + " from " + response.request().uri() + ", got "
                    + response.statusCode() + ": " + response.body());
        }
        return EventJson.mapper().readTree(response.body());
    }
}
