package io.chainhub.events.custody;

import java.time.Instant;

/**
 * Chain gateway → saga on {@code custody-chain-replies} (key: withdrawal id).
 *
 * @param replyId       deterministic, the saga's dedup key (ce_id)
 * @param blockHash     block holding the transaction (CONFIRMED, DROPPED), else null
 * @param confirmations block depth when reported
 * @param reason        why FAILED (never broadcast: the saga may release the hold) or DROPPED
 */
public record ChainReply(
        String replyId,
        String withdrawalId,
        Outcome outcome,
        String txHash,
        Long blockNumber,
        String blockHash,
        long confirmations,
        String reason,
        Instant at) {

    public static final String TYPE = "io.chainhub.custody.chain.reported.v1";

    public enum Outcome {
        /** Signed and accepted by the node (the saga's pivot). */
        BROADCAST,
        /** Included at the requested depth. */
        CONFIRMED,
        /** Was included, then a reorg removed it; the gateway rebroadcasts the same bytes. */
        DROPPED,
        /** Could not be signed or broadcast and never reached the chain. */
        FAILED
    }
}
