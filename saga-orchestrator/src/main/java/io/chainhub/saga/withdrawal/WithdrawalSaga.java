package io.chainhub.saga.withdrawal;

import static io.chainhub.saga.withdrawal.SagaEffect.TimerKind.APPROVAL_WINDOW;
import static io.chainhub.saga.withdrawal.SagaEffect.TimerKind.CONFIRMATION;
import static io.chainhub.saga.withdrawal.WithdrawalState.AWAITING_APPROVAL;
import static io.chainhub.saga.withdrawal.WithdrawalState.CANCELLED;
import static io.chainhub.saga.withdrawal.WithdrawalState.COMPLETED;
import static io.chainhub.saga.withdrawal.WithdrawalState.CONFIRMING;
import static io.chainhub.saga.withdrawal.WithdrawalState.EXPIRED;
import static io.chainhub.saga.withdrawal.WithdrawalState.FAILED;
import static io.chainhub.saga.withdrawal.WithdrawalState.REJECTED;
import static io.chainhub.saga.withdrawal.WithdrawalState.SCREENING;
import static io.chainhub.saga.withdrawal.WithdrawalState.SIGNING;

import java.time.Duration;

import io.chainhub.saga.policy.PolicyOutcome;
import io.chainhub.saga.withdrawal.SagaEffect.HoldFunds;
import io.chainhub.saga.withdrawal.SagaEffect.RecordApproval;
import io.chainhub.saga.withdrawal.SagaEffect.RecordPolicy;
import io.chainhub.saga.withdrawal.SagaEffect.RecordTxHash;
import io.chainhub.saga.withdrawal.SagaEffect.ReleaseHold;
import io.chainhub.saga.withdrawal.SagaEffect.RequestScreening;
import io.chainhub.saga.withdrawal.SagaEffect.RequestSignAndBroadcast;
import io.chainhub.saga.withdrawal.SagaEffect.Settle;
import io.chainhub.saga.withdrawal.SagaEffect.StartTimer;
import io.chainhub.saga.withdrawal.SagaEffect.StopTimer;
import io.chainhub.saga.withdrawal.TransitionRefused.Why;
import io.chainhub.saga.withdrawal.WithdrawalInput.ApprovalGiven;
import io.chainhub.saga.withdrawal.WithdrawalInput.ApprovalRefused;
import io.chainhub.saga.withdrawal.WithdrawalInput.ApprovalWindowElapsed;
import io.chainhub.saga.withdrawal.WithdrawalInput.Broadcast;
import io.chainhub.saga.withdrawal.WithdrawalInput.CancelRequested;
import io.chainhub.saga.withdrawal.WithdrawalInput.ConfirmationOverdue;
import io.chainhub.saga.withdrawal.WithdrawalInput.Confirmed;
import io.chainhub.saga.withdrawal.WithdrawalInput.Dropped;
import io.chainhub.saga.withdrawal.WithdrawalInput.Requested;
import io.chainhub.saga.withdrawal.WithdrawalInput.ScreeningDecided;
import io.chainhub.saga.withdrawal.WithdrawalInput.SigningFailed;

/**
 * The withdrawal, as a business process:
 * <ol>
 * <li>reserve funds (hold) — compensated by releasing the hold;</li>
 * <li>screening by fraud-service — REJECT ends it, REVIEW needs approvers;</li>
 * <li>policy — BLOCK ends it, REQUIRE_APPROVAL waits for N approvers within a window;</li>
 * <li>approvals — any refusal ends it, the window elapsing EXPIRES it;</li>
 * <li>sign and broadcast by the chain gateway — the PIVOT: from here on only forward recovery
 *     (rebroadcast the same signed bytes), never a release;</li>
 * <li>confirmations — a reorg that drops the transaction sends it back to confirming;</li>
 * <li>settle — the held amount leaves custody; COMPLETED.</li>
 * </ol>
 * Pure: a decision from the current state and one input, no I/O. The executor applies the effects
 * in the same database transaction as the new state.
 */
public final class WithdrawalSaga {

    private final PolicyCheck policy;
    private final Duration confirmationTimeout;

    public WithdrawalSaga(PolicyCheck policy, Duration confirmationTimeout) {
        this.policy = policy;
        this.confirmationTimeout = confirmationTimeout;
    }

    public Decision decide(Withdrawal w, WithdrawalInput input) {
        return switch (input) {
            case Requested ignored -> reserveFundsThenScreen(w);
            case ScreeningDecided screening -> w.state() == SCREENING ? afterScreening(w, screening) : Decision.ignore(w.state());
            case ApprovalGiven approval -> approve(w, approval);
            case ApprovalRefused refusal -> refuse(w, refusal);
            case CancelRequested cancel -> cancel(w, cancel);
            case ApprovalWindowElapsed ignored -> w.state() == AWAITING_APPROVAL
                    ? compensate(EXPIRED, "approval window elapsed with " + w.approvers().size() + " of "
                            + w.approvalsRequired() + " approvals")
                    : Decision.ignore(w.state());
            case Broadcast broadcast -> w.state() == SIGNING ? pivot(broadcast) : Decision.ignore(w.state());
            case Confirmed confirmed -> w.state() == SIGNING || w.state() == CONFIRMING
                    ? settle(confirmed) : Decision.ignore(w.state());
            case Dropped dropped -> w.state() == CONFIRMING
                    ? Decision.stay(CONFIRMING, "dropped by a reorg (" + dropped.reason() + "): back to confirming",
                            new StartTimer(CONFIRMATION, confirmationTimeout))
                    : Decision.ignore(w.state());
            case SigningFailed failed -> w.state() == SIGNING
                    ? compensate(FAILED, "signing/broadcast failed before reaching the chain: " + failed.reason(),
                            new StopTimer(CONFIRMATION))
                    : Decision.ignore(w.state());
            case ConfirmationOverdue overdue -> recoverForward(w, overdue);
        };
    }

    private Decision reserveFundsThenScreen(Withdrawal w) {
        return Decision.stay(SCREENING, "funds held, screening requested", new HoldFunds(), new RequestScreening());
    }

    private Decision afterScreening(Withdrawal w, ScreeningDecided screening) {
        return switch (screening.decision()) {
            case REJECT -> compensate(REJECTED, "screening rejected: " + screening.reasons());
            case REVIEW -> applyPolicy(w, true, screening);
            case APPROVE -> applyPolicy(w, false, screening);
        };
    }

    private Decision applyPolicy(Withdrawal w, boolean manualReview, ScreeningDecided screening) {
        PolicyOutcome outcome = policy.evaluate(w);
        return switch (outcome) {
            case PolicyOutcome.Block block -> compensate(REJECTED, "policy v" + block.version() + " blocked: " + block.reason(),
                    new RecordPolicy(outcome));
            case PolicyOutcome.RequireApproval required -> awaitApprovals(required,
                    "policy v" + required.version() + ": " + required.approvals() + " approval(s) required, " + required.reason());
            case PolicyOutcome.Allow allow when manualReview -> awaitApprovals(
                    new PolicyOutcome.RequireApproval(allow.version(), 1, java.util.List.of(),
                            Duration.ofHours(24), "screening asked for review"),
                    "screening asked for review " + screening.reasons() + ": 1 approval required");
            case PolicyOutcome.Allow allow -> signAndBroadcast("policy v" + allow.version() + " allows", new RecordPolicy(outcome));
        };
    }

    private Decision awaitApprovals(PolicyOutcome.RequireApproval required, String detail) {
        return Decision.to(AWAITING_APPROVAL, detail, new RecordPolicy(required),
                new StartTimer(APPROVAL_WINDOW, required.window()));
    }

    private Decision approve(Withdrawal w, ApprovalGiven approval) {
        requireAwaitingApproval(w);
        requireEligible(w, approval.approver());
        if (w.approvers().contains(approval.approver())) {
            throw new TransitionRefused(Why.CONFLICT, approval.approver() + " already approved this withdrawal");
        }
        RecordApproval record = new RecordApproval(approval.approver(), "APPROVE", approval.comment());
        int approvals = w.approvers().size() + 1;
        if (approvals < w.approvalsRequired()) {
            return Decision.stay(AWAITING_APPROVAL, "approved by " + approval.approver() + " (" + approvals + " of "
                    + w.approvalsRequired() + ")", record);
        }
        return signAndBroadcast("approved by " + approval.approver() + " (" + approvals + " of " + w.approvalsRequired()
                + "): quorum reached", record, new StopTimer(APPROVAL_WINDOW));
    }

    private Decision refuse(Withdrawal w, ApprovalRefused refusal) {
        requireAwaitingApproval(w);
        requireEligible(w, refusal.approver());
        return compensate(REJECTED, "rejected by " + refusal.approver()
                        + (refusal.comment() == null ? "" : ": " + refusal.comment()),
                new RecordApproval(refusal.approver(), "REJECT", refusal.comment()), new StopTimer(APPROVAL_WINDOW));
    }

    private Decision cancel(Withdrawal w, CancelRequested cancel) {
        if (w.state() != SCREENING && w.state() != AWAITING_APPROVAL) {
            throw new TransitionRefused(Why.CONFLICT, "a withdrawal in state " + w.state()
                    + " can no longer be cancelled (only before signing and broadcast)");
        }
        return compensate(CANCELLED, "cancelled by " + cancel.by(), new StopTimer(APPROVAL_WINDOW));
    }

    private Decision signAndBroadcast(String detail, SagaEffect... before) {
        SagaEffect[] effects = java.util.Arrays.copyOf(before, before.length + 2);
        effects[before.length] = new RequestSignAndBroadcast(false);
        // the gateway may be down: the same timer re-sends the (idempotent) command
        effects[before.length + 1] = new StartTimer(CONFIRMATION, confirmationTimeout);
        return Decision.to(SIGNING, detail + "; sign and broadcast requested", effects);
    }

    private Decision pivot(Broadcast broadcast) {
        return Decision.to(CONFIRMING, "broadcast " + broadcast.txHash() + " (pivot: no compensation from here)",
                new RecordTxHash(broadcast.txHash(), 0L), new StartTimer(CONFIRMATION, confirmationTimeout));
    }

    private Decision settle(Confirmed confirmed) {
        return Decision.to(COMPLETED, "confirmed " + confirmed.txHash() + " at depth " + confirmed.confirmations()
                + ", settled", new RecordTxHash(confirmed.txHash(), confirmed.confirmations()),
                new StopTimer(CONFIRMATION), new Settle());
    }

    /** After the pivot nothing is released: resend the same signed bytes and keep waiting. */
    private Decision recoverForward(Withdrawal w, ConfirmationOverdue overdue) {
        return switch (w.state()) {
            case SIGNING -> Decision.stay(SIGNING, "no answer from the gateway within " + overdue.waited() + ": command re-sent",
                    new RequestSignAndBroadcast(false), new StartTimer(CONFIRMATION, confirmationTimeout));
            case CONFIRMING -> Decision.stay(CONFIRMING, "not confirmed within " + overdue.waited() + ": rebroadcast of the same transaction",
                    new RequestSignAndBroadcast(true), new StartTimer(CONFIRMATION, confirmationTimeout));
            default -> Decision.ignore(w.state());
        };
    }

    /** Compensation in reverse order of the forward steps: stop waiting, then release the hold. */
    private Decision compensate(WithdrawalState terminal, String reason, SagaEffect... first) {
        SagaEffect[] effects = java.util.Arrays.copyOf(first, first.length + 1);
        effects[first.length] = new ReleaseHold();
        return Decision.to(terminal, reason + "; hold released", effects);
    }

    private static void requireAwaitingApproval(Withdrawal w) {
        if (w.state() != AWAITING_APPROVAL) {
            throw new TransitionRefused(Why.CONFLICT, "withdrawal is " + w.state() + ", not awaiting approval");
        }
    }

    private static void requireEligible(Withdrawal w, String approver) {
        if (approver.equals(w.requestedBy())) {
            throw new TransitionRefused(Why.FORBIDDEN, "the requester (" + approver + ") cannot approve or reject their own withdrawal");
        }
        if (!w.eligibleApprovers().isEmpty() && !w.eligibleApprovers().contains(approver)) {
            throw new TransitionRefused(Why.FORBIDDEN, approver + " is not among the eligible approvers " + w.eligibleApprovers());
        }
    }
}
