package io.chainhub.analytics.stats;

import java.time.Instant;

/**
 * Totals over everything rolled up so far, counted at the finest bucket width so that no
 * transfer is counted twice.
 *
 * @param bucketSeconds width of the buckets counted, or null when nothing is rolled up yet
 * @param buckets       number of buckets
 * @param transfers     transfers in them
 * @param chains        distinct chains seen
 * @param assets        distinct assets (token contracts, plus 'native') seen
 * @param from          start of the oldest bucket, or null
 * @param to            start of the newest bucket, or null
 */
record StatsSummary(Integer bucketSeconds, long buckets, long transfers, long chains, long assets, Instant from,
        Instant to) {
}
