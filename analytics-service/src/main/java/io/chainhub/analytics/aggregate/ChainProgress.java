package io.chainhub.analytics.aggregate;

/**
 * How far the aggregates of one chain have got: the newest block seen at all and the newest block
 * seen confirmed (with its timestamp, seconds), from transfers and block summaries.
 */
public record ChainProgress(long observedBlock, long observedTimestamp, long confirmedBlock, long confirmedTimestamp) {

    public static final ChainProgress NONE = new ChainProgress(0, 0, 0, 0);

    public ChainProgress merge(ChainProgress other) {
        return new ChainProgress(Math.max(observedBlock, other.observedBlock),
                Math.max(observedTimestamp, other.observedTimestamp), Math.max(confirmedBlock, other.confirmedBlock),
                Math.max(confirmedTimestamp, other.confirmedTimestamp));
    }
}
