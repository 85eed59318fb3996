package io.chainhub.fraud.alert;

import java.util.Set;

/**
 * OPEN → ACKNOWLEDGED → RESOLVED (a true positive) or FALSE_POSITIVE; RETRACTED when a reorg removed every
 * transfer behind the alert. An OPEN alert may be dispositioned directly.
 */
enum AlertStatus {
    OPEN, ACKNOWLEDGED, RESOLVED, FALSE_POSITIVE, RETRACTED;

    boolean canBecome(AlertStatus next) {
        return switch (this) {
            case OPEN -> Set.of(ACKNOWLEDGED, RESOLVED, FALSE_POSITIVE).contains(next);
            case ACKNOWLEDGED -> Set.of(RESOLVED, FALSE_POSITIVE).contains(next);
            default -> false;
        };
    }
}
