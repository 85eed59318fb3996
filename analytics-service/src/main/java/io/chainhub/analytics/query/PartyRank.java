package io.chainhub.analytics.query;

/** A sender or receiver in a top-N list: totals (confirmed + provisional) and the confirmed part. */
public record PartyRank(String address, long transfers, String volume, String volumeDecimal,
        long confirmedTransfers, String confirmedVolume) {
}
