package io.chainhub.saga.account;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "account")
class Account {

    @Id
    private UUID id;

    @Column(nullable = false, length = 128)
    private String owner;

    @Column(name = "chain_id", nullable = false)
    private long chainId;

    @Column(nullable = false, length = 42)
    private String address;

    @Column(nullable = false, length = 42)
    private String asset;

    @Column(nullable = false)
    private short decimals;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Account() {
        // for JPA
    }
}
