package io.chainhub.analytics.aggregate;

/** Figures are kept apart by how final they are: provisional ones may still be reorganised away. */
public enum Finality {
    /** From OBSERVED events: the block may still be removed by a reorg. */
    PROVISIONAL,
    /** From CONFIRMED events: buried at the chain's confirmation depth. */
    CONFIRMED
}
