package io.chainhub.saga.withdrawal;

import java.time.Duration;
import java.util.List;

import io.chainhub.events.custody.ScreeningReply.ScreeningDecision;

/** Everything that can happen to a withdrawal: a request, participants' replies, people, timers. */
public sealed interface WithdrawalInput {

    /** A short name for the timeline and the audit journal. */
    default String cause() {
        return getClass().getSimpleName();
    }

    record Requested() implements WithdrawalInput { }

    record ScreeningDecided(ScreeningDecision decision, List<String> reasons) implements WithdrawalInput { }

    record ApprovalGiven(String approver, String comment) implements WithdrawalInput { }

    record ApprovalRefused(String approver, String comment) implements WithdrawalInput { }

    record CancelRequested(String by) implements WithdrawalInput { }

    record ApprovalWindowElapsed() implements WithdrawalInput { }

    record Broadcast(String txHash) implements WithdrawalInput { }

    record Confirmed(String txHash, long confirmations) implements WithdrawalInput { }

    record Dropped(String txHash, String reason) implements WithdrawalInput { }

    record SigningFailed(String reason) implements WithdrawalInput { }

    /** No confirmation within the window after broadcast: forward recovery. */
    record ConfirmationOverdue(Duration waited) implements WithdrawalInput { }
}
