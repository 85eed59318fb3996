package io.chainhub.saga.account;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Assets custody knows: registered over REST, or on the first deposit of a fungible token. */
@Component
public class Assets {

    private static final String COLUMNS = "id, chain_id, token, symbol, decimals";

    private final JdbcClient jdbc;

    Assets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Asset> find(long chainId, String token) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM asset WHERE chain_id = ? AND token = ?")
                .params(chainId, token == null ? Asset.NATIVE : token).query(Asset.class).optional();
    }

    public Asset get(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM asset WHERE id = ?").param(id).query(Asset.class).single();
    }

    public List<Asset> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM asset ORDER BY id").query(Asset.class).list();
    }

    /** Registers the asset unless known; concurrent callers get the same row. */
    public Asset findOrRegister(long chainId, String token, String symbol, int decimals) {
        String key = token == null ? Asset.NATIVE : token;
        jdbc.sql("INSERT INTO asset (chain_id, token, symbol, decimals) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(chainId, key, symbol, decimals).update();
        return find(chainId, key).orElseThrow();
    }
}
