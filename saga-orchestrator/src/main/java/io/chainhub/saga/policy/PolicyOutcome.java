package io.chainhub.saga.policy;

import java.time.Duration;
import java.util.List;

/** ALLOW, REQUIRE_APPROVAL (N of M) or BLOCK, with the policy version that decided. */
public sealed interface PolicyOutcome {

    int version();

    String name();

    record Allow(int version) implements PolicyOutcome {
        public String name() {
            return "ALLOW";
        }
    }

    /** @param approvers eligible approvers (empty: anyone with the approver role) */
    record RequireApproval(int version, int approvals, List<String> approvers, Duration window, String reason)
            implements PolicyOutcome {
        public String name() {
            return "REQUIRE_APPROVAL";
        }
    }

    record Block(int version, String reason) implements PolicyOutcome {
        public String name() {
            return "BLOCK";
        }
    }
}
