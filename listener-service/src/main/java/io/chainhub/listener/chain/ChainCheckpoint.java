package io.chainhub.listener.chain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of {@code chain_checkpoint}: the last block whose events the listener published. */
@Entity
@Table(name = "chain_checkpoint")
class ChainCheckpoint {

    @Id
    @Column(name = "chain_id")
    private long chainId;

    @Column(name = "last_block", nullable = false)
    private long lastBlock;

    @Column(name = "last_block_hash", nullable = false, length = 66)
    private String lastBlockHash;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ChainCheckpoint() {
        // for JPA
    }

    long chainId() {
        return chainId;
    }

    long lastBlock() {
        return lastBlock;
    }

    String lastBlockHash() {
        return lastBlockHash;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
