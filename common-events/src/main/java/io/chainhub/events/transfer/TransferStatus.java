package io.chainhub.events.transfer;

/** Where a published transfer stands relative to the canonical chain. */
public enum TransferStatus {
    /** Seen in a block at 0 confirmations; may still be reorganised away. */
    OBSERVED,
    /** Reached the chain's confirmation depth. */
    CONFIRMED,
    /** A reorg removed the block that carried a previously published transfer. */
    REVERTED;

    /** The versioned CloudEvents type, e.g. {@code io.chainhub.transfer.confirmed.v1}. */
    public String cloudEventType() {
        return "io.chainhub.transfer." + name().toLowerCase() + ".v1";
    }
}
