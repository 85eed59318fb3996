package io.chainhub.e2e.custody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;

import io.chainhub.events.kafka.EventJson;
import org.web3j.crypto.Keys;
import tools.jackson.databind.JsonNode;

/**
 * The saga-orchestrator's and notification-service's REST APIs as a user calls them: bearer tokens of
 * the demo users, JSON in and out. Unexpected statuses fail with the problem+json body.
 */
final class CustodyApi {

    static final long CHAIN_ID = 31337;

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final CustodyStack stack;

    CustodyApi(CustodyStack stack) {
        this.stack = stack;
    }

    record Response(int status, String body) {
        JsonNode json() {
            return EventJson.mapper().readTree(body);
        }
    }

    /** Available, held and pending of one asset, in base units. */
    record Balance(BigInteger available, BigInteger held, BigInteger pending) {
        static final Balance NONE = new Balance(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
    }

    /** A new address of a new key: deposit addresses and destinations nobody else uses. */
    static String freshAddress() {
        try {
            return "0x" + Keys.getAddress(Keys.createEcKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String openAccount(String owner) {
        return expect(201, post(8085, "/api/accounts", "alice", """
                {"owner": "%s", "group": "default"}""".formatted(owner), null)).path("id").asString();
    }

    void assignDepositAddress(String accountId, String address) {
        expect(201, post(8085, "/api/accounts/" + accountId + "/deposit-addresses", "alice", """
                {"chainId": %d, "address": "%s"}""".formatted(CHAIN_ID, address), null));
    }

    /** The account's native (ETH) balance; zeros before its first deposit. */
    Balance nativeBalance(String accountId) {
        return expect(200, get(8085, "/api/accounts/" + accountId + "/balances", "viewer")).valueStream()
                .filter(b -> b.path("token").asString().equals("native") && b.path("chainId").asLong() == CHAIN_ID)
                .map(b -> new Balance(new BigInteger(b.path("available").asString()), new BigInteger(b.path("held").asString()),
                        new BigInteger(b.path("pending").asString())))
                .findFirst().orElse(Balance.NONE);
    }

    List<JsonNode> deposits(String accountId) {
        return expect(200, get(8085, "/api/deposits?accountId=" + accountId, "viewer")).valueStream().toList();
    }

    /** {@code POST /api/withdrawals} of native ETH; the caller checks the status. */
    Response startWithdrawal(String user, String idempotencyKey, String accountId, BigInteger wei, String destination) {
        return post(8085, "/api/withdrawals", user, """
                {"accountId": "%s", "chainId": %d, "token": "native", "amount": "%s", "destination": "%s"}"""
                .formatted(accountId, CHAIN_ID, wei, destination), idempotencyKey);
    }

    JsonNode withdrawal(String id) {
        return expect(200, get(8085, "/api/withdrawals/" + id, "viewer"));
    }

    List<JsonNode> withdrawals(String accountId) {
        return expect(200, get(8085, "/api/withdrawals?limit=1000&accountId=" + accountId, "viewer")).valueStream().toList();
    }

    Response approve(String withdrawalId, String user) {
        return post(8085, "/api/withdrawals/" + withdrawalId + "/approve", user, "{}", null);
    }

    /** Journal lines of the account, newest first. */
    List<JsonNode> journal(String accountId) {
        return expect(200, get(8085, "/api/accounts/" + accountId + "/journal?limit=1000", "viewer")).valueStream().toList();
    }

    JsonNode ledgerCheck() {
        return expect(200, get(8085, "/api/ledger/check", "viewer"));
    }

    JsonNode auditVerify() {
        return expect(200, get(8085, "/api/audit/verify", "viewer"));
    }

    /** A webhook subscription (notification-service); the answer carries the {@code whsec_} secret. */
    JsonNode subscribe(String body) {
        return expect(201, post(8082, "/api/subscriptions", "alice", body, null));
    }

    Response get(int usualPort, String path, String user) {
        return send(request(usualPort, path, user).GET());
    }

    Response post(int usualPort, String path, String user, String json, String idempotencyKey) {
        HttpRequest.Builder request = request(usualPort, path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    static JsonNode expect(int status, Response response) {
        if (response.status() != status) {
            throw new AssertionError("expected HTTP " + status + ", got " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    private HttpRequest.Builder request(int usualPort, String path, String user) {
        return HttpRequest.newBuilder(URI.create(stack.url(usualPort) + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + stack.token(user));
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
