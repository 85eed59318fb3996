package io.chainhub.saga.withdrawal;

import io.chainhub.saga.policy.PolicyOutcome;

/** The policy step, as the saga needs it: the active policy applied to this withdrawal. */
@FunctionalInterface
public interface PolicyCheck {

    PolicyOutcome evaluate(Withdrawal withdrawal);
}
