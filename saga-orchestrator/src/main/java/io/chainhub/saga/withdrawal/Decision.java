package io.chainhub.saga.withdrawal;

import java.util.List;

/**
 * The outcome of one input: the next state, the effects to apply, and a line for the timeline.
 * An ignored decision (stale or duplicate reply) changes nothing.
 */
public record Decision(WithdrawalState next, List<SagaEffect> effects, String detail, boolean ignored) {

    static Decision to(WithdrawalState next, String detail, SagaEffect... effects) {
        return new Decision(next, List.of(effects), detail, false);
    }

    static Decision stay(WithdrawalState same, String detail, SagaEffect... effects) {
        return new Decision(same, List.of(effects), detail, false);
    }

    static Decision ignore(WithdrawalState same) {
        return new Decision(same, List.of(), null, true);
    }
}
