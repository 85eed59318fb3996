package io.chainhub.fraud.watchlist;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Named address lists in PostgreSQL. */
@Repository
class WatchlistStore {

    private final JdbcClient jdbc;

    WatchlistStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Entry(String list, String address, String label, String addedBy, Instant addedAt) {
    }

    record ListSummary(String list, long addresses) {
    }

    List<ListSummary> lists() {
        return jdbc.sql("SELECT list_name, count(*) AS n FROM watchlist_entry GROUP BY list_name ORDER BY list_name")
                .query((rs, i) -> new ListSummary(rs.getString("list_name"), rs.getLong("n"))).list();
    }

    List<Entry> entries(String list) {
        return jdbc.sql("SELECT * FROM watchlist_entry WHERE list_name = ? ORDER BY address").param(list)
                .query((rs, i) -> new Entry(rs.getString("list_name"), rs.getString("address"), rs.getString("label"),
                        rs.getString("added_by"), rs.getTimestamp("added_at").toInstant()))
                .list();
    }

    /** True when the address was not on the list yet. */
    boolean add(String list, String address, String label, String by) {
        return jdbc.sql("""
                INSERT INTO watchlist_entry (list_name, address, label, added_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (list_name, address) DO UPDATE SET label = EXCLUDED.label
                RETURNING (xmax = 0) AS inserted""")
                .params(list, address, label, by).query(Boolean.class).single();
    }

    boolean remove(String list, String address) {
        return jdbc.sql("DELETE FROM watchlist_entry WHERE list_name = ? AND address = ?").params(list, address)
                .update() == 1;
    }

    Map<String, Set<String>> listsByAddress() {
        Map<String, Set<String>> result = new HashMap<>();
        jdbc.sql("SELECT list_name, address FROM watchlist_entry").query(rs -> {
            result.computeIfAbsent(rs.getString("address"), a -> new HashSet<>()).add(rs.getString("list_name"));
        });
        return result;
    }
}
