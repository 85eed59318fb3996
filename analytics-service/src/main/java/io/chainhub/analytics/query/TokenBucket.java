package io.chainhub.analytics.query;

import java.time.Instant;

/**
 * One window of a token's time series.
 *
 * @param isFinal   no provisional figures and the chain confirmed past the window's end
 * @param source    {@code stream} (state stores) or {@code rollup} (PostgreSQL, confirmed figures only)
 * @param total     confirmed plus provisional
 */
public record TokenBucket(Instant start, Instant end, boolean isFinal, String source, Amounts confirmed,
        Amounts provisional, Amounts total) {
}
