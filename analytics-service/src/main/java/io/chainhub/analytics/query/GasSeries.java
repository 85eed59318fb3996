package io.chainhub.analytics.query;

import java.util.List;

/** {@code GET /api/analytics/chains/{chainId}/gas}: block figures per window, oldest first. */
public record GasSeries(long chainId, String window, Completeness completeness, List<GasBucket> buckets) {
}
