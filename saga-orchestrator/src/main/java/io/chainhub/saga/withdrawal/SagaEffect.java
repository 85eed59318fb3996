package io.chainhub.saga.withdrawal;

import java.time.Duration;

import io.chainhub.saga.policy.PolicyOutcome;

/** What the saga asks its executor to do, in order, in the transaction of the transition. */
public sealed interface SagaEffect {

    /** available → held. */
    record HoldFunds() implements SagaEffect { }

    /** held → available: the compensation of {@link HoldFunds}. */
    record ReleaseHold() implements SagaEffect { }

    /** held → out of custody: the withdrawal is settled. */
    record Settle() implements SagaEffect { }

    record RequestScreening() implements SagaEffect { }

    /** Sign once and broadcast; with {@code rebroadcast} the gateway only resends the same bytes. */
    record RequestSignAndBroadcast(boolean rebroadcast) implements SagaEffect { }

    record RecordPolicy(PolicyOutcome outcome) implements SagaEffect { }

    record RecordApproval(String approver, String decision, String comment) implements SagaEffect { }

    record RecordTxHash(String txHash, Long confirmations) implements SagaEffect { }

    record StartTimer(TimerKind kind, Duration after) implements SagaEffect { }

    record StopTimer(TimerKind kind) implements SagaEffect { }

    enum TimerKind { APPROVAL_WINDOW, CONFIRMATION }
}
