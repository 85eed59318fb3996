package io.chainhub.saga.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Accounts and the deposit addresses assigned to them. */
@Component
public class Accounts {

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Account create(String owner, String group) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO account (id, owner, account_group) VALUES (?, ?, ?)").params(id, owner, group).update();
        return find(id).orElseThrow();
    }

    public Optional<Account> find(UUID id) {
        return jdbc.sql("SELECT id, owner, account_group, created_at FROM account WHERE id = ?").param(id)
                .query(Account.class).optional();
    }

    public List<Account> all() {
        return jdbc.sql("SELECT id, owner, account_group, created_at FROM account ORDER BY created_at, id")
                .query(Account.class).list();
    }

    /** The account a deposit address belongs to. */
    public Optional<UUID> ownerOf(long chainId, String address) {
        return jdbc.sql("SELECT account_id FROM deposit_address WHERE chain_id = ? AND address = ?")
                .params(chainId, address).query(UUID.class).optional();
    }

    /** Assigns the address; false when it already belongs to another account. */
    public boolean assign(UUID account, long chainId, String address) {
        jdbc.sql("INSERT INTO deposit_address (chain_id, address, account_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(chainId, address, account).update();
        return ownerOf(chainId, address).map(account::equals).orElse(false);
    }

    public List<DepositAddress> addresses(UUID account) {
        return jdbc.sql("SELECT chain_id, address, created_at FROM deposit_address WHERE account_id = ? ORDER BY created_at")
                .param(account).query(DepositAddress.class).list();
    }
}
