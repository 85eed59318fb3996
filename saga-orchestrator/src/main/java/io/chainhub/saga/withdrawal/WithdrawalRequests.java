package io.chainhub.saga.withdrawal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import io.chainhub.platform.address.Addresses;
import io.chainhub.saga.account.Asset;
import io.chainhub.saga.account.Accounts;
import io.chainhub.saga.account.Assets;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Starts withdrawals with {@code Idempotency-Key} semantics: keys are scoped to the requesting user;
 * the same key with the same body returns the original withdrawal, with another body a 422 problem.
 */
@Component
class WithdrawalRequests {

    private final WithdrawalStore store;
    private final WithdrawalRunner runner;
    private final Accounts accounts;
    private final Assets assets;

    WithdrawalRequests(WithdrawalStore store, WithdrawalRunner runner, Accounts accounts, Assets assets) {
        this.store = store;
        this.runner = runner;
        this.accounts = accounts;
        this.assets = assets;
    }

    record Started(UUID id, boolean replayed) {
    }

    @Transactional
    public Started start(String user, String idempotencyKey, StartWithdrawal request) {
        String destination = Addresses.normalize(request.destination());
        String token = request.token() == null || request.token().isBlank() || Asset.NATIVE.equalsIgnoreCase(request.token())
                ? Asset.NATIVE : Addresses.normalize(request.token());
        String hash = sha256(request.accountId() + "|" + request.chainId() + "|" + token + "|"
                + new BigInteger(request.amount()) + "|" + destination);
        if (idempotencyKey != null) {
            var existing = store.byIdempotencyKey(user, idempotencyKey);
            if (existing.isPresent()) {
                if (!existing.get()[1].equals(hash)) {
                    throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key " + idempotencyKey
                            + " was already used with a different request body (withdrawal " + existing.get()[0] + ")");
                }
                return new Started(UUID.fromString(existing.get()[0]), true);
            }
        }
        accounts.find(request.accountId()).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "no account " + request.accountId()));
        Asset asset = assets.find(request.chainId(), token).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "no asset " + token + " on chain " + request.chainId()));
        UUID id = UUID.randomUUID();
        store.insert(id, request.accountId(), asset.id(), new BigInteger(request.amount()), destination, user,
                idempotencyKey, hash);
        runner.handle(id, new WithdrawalInput.Requested(), user);
        return new Started(id, false);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
