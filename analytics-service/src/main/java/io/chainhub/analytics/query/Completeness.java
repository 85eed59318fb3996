package io.chainhub.analytics.query;

import java.time.Instant;

import io.chainhub.analytics.aggregate.ChainProgress;

/**
 * How complete and how final an answer is.
 *
 * @param completeThroughBlock  newest block of the chain the aggregates have processed
 * @param confirmedThroughBlock newest block seen confirmed: windows ending at or before
 *                              {@code confirmedThroughTime} with no provisional figures are final
 */
public record Completeness(long completeThroughBlock, long confirmedThroughBlock, Instant completeThroughTime,
        Instant confirmedThroughTime) {

    static Completeness of(ChainProgress progress) {
        return new Completeness(progress.observedBlock(), progress.confirmedBlock(),
                instant(progress.observedTimestamp()), instant(progress.confirmedTimestamp()));
    }

    private static Instant instant(long seconds) {
        return seconds == 0 ? null : Instant.ofEpochSecond(seconds);
    }

    /** Final: nothing provisional in it, and the chain is confirmed past its end. */
    boolean isFinal(Instant windowEnd, boolean anyProvisional) {
        return !anyProvisional && confirmedThroughTime != null && !windowEnd.isAfter(confirmedThroughTime);
    }
}
