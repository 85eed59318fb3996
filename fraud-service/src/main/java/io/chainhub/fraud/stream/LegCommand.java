package io.chainhub.fraud.stream;

import io.chainhub.fraud.engine.Leg;

/** What the per-address processor should do with a leg: evaluate it, or undo it after a reorg. */
public record LegCommand(Action action, Leg leg) {

    public enum Action { EVALUATE, REVERT }
}
