package io.chainhub.saga.account;

import java.time.Instant;

/** One journal line of an account (signed amount in base units). */
public record JournalLine(long id, String journalTx, long assetId, String bucket, String amount, String sagaId,
        String reason, Instant createdAt) {
}
