package io.chainhub.analytics.aggregate;

import java.util.List;

/**
 * What the aggregates currently hold of one transfer (by eventId): under which finality it is counted and in
 * which block (null finality: nothing counted), and the ce_ids already applied. Not the counted delta itself:
 * every publication of a transfer carries the same transfer, so taking it back out rebuilds the delta from the
 * publication at hand with the block kept here. That keeps an entry (one per transfer, written for every
 * publication) at about a tenth of the size it had with the delta and the ce_ids as text.
 *
 * @param seenIds   64-bit hashes of the ce_ids applied ({@link #idHash}): a transfer sees a handful, so a collision
 *                  between two of them is not a practical concern
 * @param touchedAt wall-clock millis of the last change, for purging
 */
public record TransferLedger(List<Long> seenIds, Finality appliedAs, String appliedBlockHash, long appliedBlockNumber,
        long appliedBlockTimestamp, long touchedAt) {

    /** A transfer goes through a handful of publications; more than this means a loop upstream. */
    static final int SEEN_KEPT = 16;

    public TransferLedger {
        seenIds = seenIds == null ? List.of() : seenIds;
    }

    /** FNV-1a over the id's characters. */
    static long idHash(String ceId) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < ceId.length(); i++) {
            hash ^= ceId.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
