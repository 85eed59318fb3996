package io.chainhub.analytics.aggregate;

import java.util.List;

/**
 * What the aggregates currently hold of one transfer (by eventId): the delta counted (its finality
 * says how; null when nothing is counted) with the hash of its block, and the ce_ids already applied.
 *
 * @param touchedAt wall-clock millis of the last change, for purging
 */
public record TransferLedger(List<String> seenIds, TransferDelta applied, String appliedBlockHash, long touchedAt) {

    /** A transfer goes through a handful of publications; more than this means a loop upstream. */
    static final int SEEN_KEPT = 16;

    public TransferLedger {
        seenIds = seenIds == null ? List.of() : seenIds;
    }

    Finality appliedAs() {
        return applied == null ? null : applied.finality();
    }
}
