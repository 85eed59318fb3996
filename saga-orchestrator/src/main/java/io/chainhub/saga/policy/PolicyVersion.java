package io.chainhub.saga.policy;

import java.time.Instant;
import java.util.List;

/** One version of the policy and who proposed and decided it. */
public record PolicyVersion(int version, String state, String proposedBy, Instant proposedAt, String decidedBy,
        Instant decidedAt, List<PolicyRule> rules) {
}
