package io.chainhub.saga.audit;

import java.time.Instant;

/** One entry of the audit journal. */
public record AuditEntry(long seq, Instant at, String actor, String kind, String subject, String detail,
        String prevHash, String hash) {
}
