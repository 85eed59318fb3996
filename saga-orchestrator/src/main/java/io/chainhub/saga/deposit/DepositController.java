package io.chainhub.saga.deposit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Deposits seen on deposit addresses. */
@RestController
class DepositController {

    private final JdbcClient jdbc;

    DepositController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {@code GET /api/deposits?accountId=&limit=} (viewer): newest first. {@code id} is the transfer's
     * eventId @ blockHash: a transfer re-included in another block after a reorg is a new deposit.
     */
    @GetMapping("/api/deposits")
    List<DepositView> list(@RequestParam(required = false) UUID accountId, @RequestParam(defaultValue = "100") int limit) {
        return jdbc.sql("""
                SELECT d.id, d.account_id, d.chain_id, s.token, d.amount::text AS amount, s.decimals, d.tx_hash,
                       d.block_number, d.block_hash, d.from_address, d.to_address, d.state, d.created_at, d.updated_at
                FROM deposit d JOIN asset s ON s.id = d.asset_id
                WHERE (CAST(:account AS uuid) IS NULL OR d.account_id = :account)
                ORDER BY d.created_at DESC LIMIT :limit""")
                .param("account", accountId).param("limit", Math.clamp(limit, 1, 1000))
                .query(DepositView.class).list();
    }

    /** @param amount base units as a decimal string */
    record DepositView(String id, UUID accountId, long chainId, String token, String amount, int decimals,
                       String txHash, long blockNumber, String blockHash, String fromAddress, String toAddress,
                       String state, Instant createdAt, Instant updatedAt) {
    }
}
