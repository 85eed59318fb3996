package io.chainhub.analytics.query;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/analytics/chains/{chainId}/tokens}: tokens by transfer count over a time range. */
public record TopTokens(long chainId, String window, Instant from, Instant to, Completeness completeness,
        List<TokenSummary> tokens) {
}
