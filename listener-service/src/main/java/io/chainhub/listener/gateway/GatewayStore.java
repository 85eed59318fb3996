package io.chainhub.listener.gateway;

import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Signed transactions and hot-wallet nonces in PostgreSQL (callers provide the transactions). */
final class GatewayStore {

    private static final String COLUMNS = "withdrawal_id, chain_id, from_address, nonce, tx_hash, raw_tx, confirmations, "
            + "state, block_number, block_hash";

    private final JdbcClient jdbc;

    GatewayStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<GatewayTx> find(String withdrawalId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM gateway_tx WHERE withdrawal_id = ?").param(withdrawalId)
                .query(GatewayTx.class).optional();
    }

    /** Transactions on their way: broadcast (or signed but not yet accepted by the node). */
    List<GatewayTx> open() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM gateway_tx WHERE state IN ('SIGNED', 'BROADCAST') ORDER BY created_at")
                .query(GatewayTx.class).list();
    }

    /**
     * Reserves the wallet's next nonce under a row lock: the larger of ours and the chain's pending
     * count (someone else may have used the wallet), so nonces are never reused.
     */
    long reserveNonce(long chainId, String address, LongSupplier chainPending) {
        jdbc.sql("INSERT INTO gateway_nonce (chain_id, address, next_nonce) VALUES (?, ?, 0) ON CONFLICT DO NOTHING")
                .params(chainId, address).update();
        long stored = jdbc.sql("SELECT next_nonce FROM gateway_nonce WHERE chain_id = ? AND address = ? FOR UPDATE")
                .params(chainId, address).query(Long.class).single();
        long nonce = Math.max(stored, chainPending.getAsLong());
        jdbc.sql("UPDATE gateway_nonce SET next_nonce = ? WHERE chain_id = ? AND address = ?")
                .params(nonce + 1, chainId, address).update();
        return nonce;
    }

    /** Gives the nonce back when its transaction never reached the chain and nothing was signed after it. */
    void returnNonce(long chainId, String address, long nonce) {
        jdbc.sql("UPDATE gateway_nonce SET next_nonce = ? WHERE chain_id = ? AND address = ? AND next_nonce = ?")
                .params(nonce, chainId, address, nonce + 1).update();
    }

    void insert(GatewayTx tx) {
        jdbc.sql("INSERT INTO gateway_tx (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(tx.withdrawalId(), tx.chainId(), tx.fromAddress(), tx.nonce(), tx.txHash(), tx.rawTx(),
                        tx.confirmations(), tx.state(), tx.blockNumber(), tx.blockHash())
                .update();
    }

    void state(String withdrawalId, String state, Long blockNumber, String blockHash) {
        jdbc.sql("UPDATE gateway_tx SET state = ?, block_number = ?, block_hash = ?, updated_at = now() WHERE withdrawal_id = ?")
                .params(state, blockNumber, blockHash, withdrawalId).update();
    }
}
