package io.chainhub.listener.watch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class WatchRepository {

    private final JdbcTemplate jdbc;

    WatchRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Watch watch) {
        jdbc.update("INSERT INTO watch_subscription (id, chain_id, kind, address, from_block, label, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                watch.id(), watch.chainId(), watch.kind().name(), watch.address(), watch.fromBlock(), watch.label(),
                Timestamp.from(watch.createdAt()));
    }

    List<Watch> findAll(Long chainId) {
        return chainId == null
                ? jdbc.query("SELECT * FROM watch_subscription ORDER BY created_at", WatchRepository::map)
                : jdbc.query("SELECT * FROM watch_subscription WHERE chain_id = ? ORDER BY created_at",
                        WatchRepository::map, chainId);
    }

    Optional<Watch> find(UUID id) {
        return jdbc.query("SELECT * FROM watch_subscription WHERE id = ?", WatchRepository::map, id).stream().findFirst();
    }

    Optional<Watch> find(long chainId, Watch.Kind kind, String address) {
        return jdbc.query("SELECT * FROM watch_subscription WHERE chain_id = ? AND kind = ? AND address = ?",
                WatchRepository::map, chainId, kind.name(), address).stream().findFirst();
    }

    boolean delete(UUID id) {
        return jdbc.update("DELETE FROM watch_subscription WHERE id = ?", id) == 1;
    }

    private static Watch map(ResultSet rs, int row) throws SQLException {
        return new Watch(rs.getObject("id", UUID.class), rs.getLong("chain_id"), Watch.Kind.valueOf(rs.getString("kind")),
                rs.getString("address"), rs.getLong("from_block"), rs.getString("label"),
                rs.getTimestamp("created_at").toInstant());
    }
}
