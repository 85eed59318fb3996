package io.chainhub.analytics.rollup;

import java.math.BigInteger;
import java.time.Instant;

/** One closed window's confirmed figures as kept in PostgreSQL ({@code rollup_bucket}). */
public record RollupRow(long chainId, String asset, int bucketSeconds, Instant bucketStart, long transferCount,
        BigInteger volume) {
}
