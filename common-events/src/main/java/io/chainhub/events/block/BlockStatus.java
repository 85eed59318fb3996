package io.chainhub.events.block;

/** Same life cycle as a transfer: first seen, buried deep enough, or removed by a reorg. */
public enum BlockStatus {
    OBSERVED, CONFIRMED, REVERTED;

    public String cloudEventType() {
        return "io.chainhub.block." + name().toLowerCase() + ".v1";
    }
}
