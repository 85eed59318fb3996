package io.chainhub.analytics.aggregate;

import java.util.List;

import io.chainhub.events.transfer.TransferEvent;

/**
 * What the aggregates currently hold of one transfer (by eventId): the publication counted and
 * under which finality (both null when nothing is counted), and the ce_ids already applied.
 *
 * @param touchedAt wall-clock millis of the last change, for purging
 */
public record TransferLedger(List<String> seenIds, TransferEvent applied, Finality appliedAs, long touchedAt) {

    /** A transfer goes through a handful of publications; more than this means a loop upstream. */
    static final int SEEN_KEPT = 16;

    public TransferLedger {
        seenIds = seenIds == null ? List.of() : seenIds;
    }
}
