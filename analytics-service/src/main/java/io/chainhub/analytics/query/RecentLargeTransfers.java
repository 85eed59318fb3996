package io.chainhub.analytics.query;

import java.util.List;

import io.chainhub.analytics.feed.FeedItem;

/** {@code GET /api/analytics/large-transfers}: the largest transfers of recent hourly windows, largest first. */
public record RecentLargeTransfers(List<FeedItem> transfers) {
}
