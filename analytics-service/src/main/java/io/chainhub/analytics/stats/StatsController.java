package io.chainhub.analytics.stats;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Aggregates computed from the rollups. */
@RestController
class StatsController {

    // One aggregate over a read model: plain SQL says it more directly than an entity would.
    private static final String SUMMARY = """
            SELECT min(bucket_seconds) AS width, count(*) AS buckets, coalesce(sum(transfer_count), 0) AS transfers,
                   count(DISTINCT chain_id) AS chains, count(DISTINCT asset) AS assets,
                   min(bucket_start) AS first_bucket, max(bucket_start) AS last_bucket
            FROM rollup_bucket
            WHERE bucket_seconds = (SELECT min(bucket_seconds) FROM rollup_bucket)
            """;

    private final JdbcClient jdbc;

    StatsController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code GET /api/stats/summary} (role viewer): totals; zeros and nulls before the first transfer. */
    @GetMapping("/api/stats/summary")
    StatsSummary summary() {
        return jdbc.sql(SUMMARY).query((rs, row) -> new StatsSummary(
                (Integer) rs.getObject("width"), rs.getLong("buckets"), rs.getLong("transfers"),
                rs.getLong("chains"), rs.getLong("assets"), instant(rs.getTimestamp("first_bucket")),
                instant(rs.getTimestamp("last_bucket")))).single();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
