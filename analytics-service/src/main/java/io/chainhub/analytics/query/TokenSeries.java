package io.chainhub.analytics.query;

import java.util.List;

/** {@code GET /api/analytics/chains/{chainId}/tokens/{token}/series}: windows oldest first, empty ones left out. */
public record TokenSeries(long chainId, String token, String symbol, Integer decimals, String window,
        Completeness completeness, List<TokenBucket> buckets) {
}
