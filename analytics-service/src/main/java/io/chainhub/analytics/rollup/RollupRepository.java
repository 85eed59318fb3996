package io.chainhub.analytics.rollup;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code rollup_bucket}: upserts are idempotent, so rolling a window up twice changes nothing. */
@Repository
public class RollupRepository {

    private static final String UPSERT = """
            INSERT INTO rollup_bucket (chain_id, asset, bucket_seconds, bucket_start, transfer_count, volume, updated_at)
            VALUES (:chain, :asset, :seconds, :start, :count, :volume, now())
            ON CONFLICT (chain_id, asset, bucket_seconds, bucket_start)
            DO UPDATE SET transfer_count = EXCLUDED.transfer_count, volume = EXCLUDED.volume, updated_at = now()
            """;

    private final JdbcClient jdbc;

    RollupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void upsert(RollupRow row) {
        jdbc.sql(UPSERT).param("chain", row.chainId()).param("asset", row.asset())
                .param("seconds", row.bucketSeconds()).param("start", Timestamp.from(row.bucketStart()))
                .param("count", row.transferCount()).param("volume", new BigDecimal(row.volume())).update();
    }

    /** Buckets of one chain and asset with start in [from, to), oldest first. */
    public List<RollupRow> find(long chainId, String asset, int bucketSeconds, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT chain_id, asset, bucket_seconds, bucket_start, transfer_count, volume FROM rollup_bucket
                WHERE chain_id = :chain AND asset = :asset AND bucket_seconds = :seconds
                  AND bucket_start >= :from AND bucket_start < :to ORDER BY bucket_start
                """).param("chain", chainId).param("asset", asset).param("seconds", bucketSeconds)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new RollupRow(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        rs.getTimestamp(4).toInstant(), rs.getLong(5), rs.getBigDecimal(6).toBigIntegerExact()))
                .list();
    }
}
