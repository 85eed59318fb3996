package io.chainhub.saga.withdrawal;

import static io.chainhub.saga.withdrawal.WithdrawalState.AWAITING_APPROVAL;
import static io.chainhub.saga.withdrawal.WithdrawalState.CONFIRMING;
import static io.chainhub.saga.withdrawal.WithdrawalState.SCREENING;
import static io.chainhub.saga.withdrawal.WithdrawalState.SIGNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.chainhub.events.custody.ScreeningReply.ScreeningDecision;
import io.chainhub.saga.policy.PolicyOutcome;
import io.chainhub.saga.withdrawal.SagaEffect.HoldFunds;
import io.chainhub.saga.withdrawal.SagaEffect.ReleaseHold;
import io.chainhub.saga.withdrawal.SagaEffect.RequestScreening;
import io.chainhub.saga.withdrawal.SagaEffect.RequestSignAndBroadcast;
import io.chainhub.saga.withdrawal.SagaEffect.Settle;
import io.chainhub.saga.withdrawal.SagaEffect.StartTimer;
import io.chainhub.saga.withdrawal.SagaEffect.StopTimer;
import io.chainhub.saga.withdrawal.SagaEffect.TimerKind;
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
import org.junit.jupiter.api.Test;

/** The withdrawal saga's steps and compensations, without broker or database. */
class WithdrawalSagaTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final PolicyOutcome ALLOW = new PolicyOutcome.Allow(3);
    private static final PolicyOutcome TWO_APPROVALS = new PolicyOutcome.RequireApproval(3, 2, List.of(),
            Duration.ofHours(1), "above 1000");

    private PolicyOutcome policy = ALLOW;
    private final WithdrawalSaga saga = new WithdrawalSaga(w -> policy, TIMEOUT);

    @Test
    void shouldHoldFundsAndRequestScreeningWhenRequested() {
        Decision decision = saga.decide(withdrawal(SCREENING), new Requested());

        assertThat(decision.next()).isEqualTo(SCREENING);
        assertThat(decision.effects()).containsExactly(new HoldFunds(), new RequestScreening());
    }

    @Test
    void shouldSignAndBroadcastWhenScreeningApprovesAndPolicyAllows() {
        Decision decision = saga.decide(withdrawal(SCREENING), approved());

        assertThat(decision.next()).isEqualTo(SIGNING);
        assertThat(decision.effects()).contains(new RequestSignAndBroadcast(false), new StartTimer(TimerKind.CONFIRMATION, TIMEOUT));
    }

    @Test
    void shouldReleaseHoldWhenScreeningRejects() {
        Decision decision = saga.decide(withdrawal(SCREENING), new ScreeningDecided(ScreeningDecision.REJECT, List.of("sanctioned")));

        assertThat(decision.next()).isEqualTo(WithdrawalState.REJECTED);
        assertThat(decision.effects()).containsExactly(new ReleaseHold());
    }

    @Test
    void shouldAwaitOneApprovalWhenScreeningAsksForReview() {
        Decision decision = saga.decide(withdrawal(SCREENING), new ScreeningDecided(ScreeningDecision.REVIEW, List.of("new address")));

        assertThat(decision.next()).isEqualTo(AWAITING_APPROVAL);
        assertThat(decision.effects()).anyMatch(e -> e instanceof SagaEffect.RecordPolicy p
                && ((PolicyOutcome.RequireApproval) p.outcome()).approvals() == 1);
    }

    @Test
    void shouldReleaseHoldWhenPolicyBlocks() {
        policy = new PolicyOutcome.Block(3, "not on allow-list");

        Decision decision = saga.decide(withdrawal(SCREENING), approved());

        assertThat(decision.next()).isEqualTo(WithdrawalState.REJECTED);
        assertThat(decision.effects()).last().isEqualTo(new ReleaseHold());
        assertThat(decision.detail()).contains("not on allow-list");
    }

    @Test
    void shouldStartApprovalWindowWhenPolicyRequiresApproval() {
        policy = TWO_APPROVALS;

        Decision decision = saga.decide(withdrawal(SCREENING), approved());

        assertThat(decision.next()).isEqualTo(AWAITING_APPROVAL);
        assertThat(decision.effects()).contains(new StartTimer(TimerKind.APPROVAL_WINDOW, Duration.ofHours(1)));
    }

    @Test
    void shouldWaitForQuorumWhenFirstApprovalArrives() {
        Decision decision = saga.decide(awaiting(Set.of()), new ApprovalGiven("bob", null));

        assertThat(decision.next()).isEqualTo(AWAITING_APPROVAL);
        assertThat(decision.effects()).containsExactly(new SagaEffect.RecordApproval("bob", "APPROVE", null));
    }

    @Test
    void shouldSignAndStopWindowWhenQuorumReached() {
        Decision decision = saga.decide(awaiting(Set.of("bob")), new ApprovalGiven("carol", null));

        assertThat(decision.next()).isEqualTo(SIGNING);
        assertThat(decision.effects()).contains(new StopTimer(TimerKind.APPROVAL_WINDOW), new RequestSignAndBroadcast(false));
    }

    @Test
    void shouldRefuseWhenRequesterApprovesOwnWithdrawal() {
        assertThatThrownBy(() -> saga.decide(awaiting(Set.of()), new ApprovalGiven("alice", null)))
                .isInstanceOfSatisfying(TransitionRefused.class, e -> assertThat(e.why()).isEqualTo(TransitionRefused.Why.FORBIDDEN));
    }

    @Test
    void shouldRefuseWhenSameApproverApprovesTwice() {
        assertThatThrownBy(() -> saga.decide(awaiting(Set.of("bob")), new ApprovalGiven("bob", null)))
                .isInstanceOfSatisfying(TransitionRefused.class, e -> assertThat(e.why()).isEqualTo(TransitionRefused.Why.CONFLICT));
    }

    @Test
    void shouldRefuseWhenApproverNotAmongEligible() {
        Withdrawal w = new Withdrawal(UUID.randomUUID(), UUID.randomUUID(), "g", 1, 31337, "native", BigInteger.TEN, "0xd",
                "alice", AWAITING_APPROVAL, 2, List.of("bob", "carol"), Set.of(), null, 0, Instant.now());

        assertThatThrownBy(() -> saga.decide(w, new ApprovalGiven("mallory", null))).isInstanceOf(TransitionRefused.class);
    }

    @Test
    void shouldRejectAndReleaseWhenApproverRefuses() {
        Decision decision = saga.decide(awaiting(Set.of("bob")), new ApprovalRefused("carol", "unknown beneficiary"));

        assertThat(decision.next()).isEqualTo(WithdrawalState.REJECTED);
        assertThat(decision.effects()).endsWith(new StopTimer(TimerKind.APPROVAL_WINDOW), new ReleaseHold());
    }

    @Test
    void shouldExpireAndReleaseWhenApprovalWindowElapses() {
        Decision decision = saga.decide(awaiting(Set.of("bob")), new ApprovalWindowElapsed());

        assertThat(decision.next()).isEqualTo(WithdrawalState.EXPIRED);
        assertThat(decision.effects()).containsExactly(new ReleaseHold());
    }

    @Test
    void shouldIgnoreApprovalWindowWhenAlreadySigning() {
        assertThat(saga.decide(withdrawal(SIGNING), new ApprovalWindowElapsed()).ignored()).isTrue();
    }

    @Test
    void shouldCancelAndReleaseWhenAwaitingApproval() {
        Decision decision = saga.decide(awaiting(Set.of()), new CancelRequested("alice"));

        assertThat(decision.next()).isEqualTo(WithdrawalState.CANCELLED);
        assertThat(decision.effects()).last().isEqualTo(new ReleaseHold());
    }

    @Test
    void shouldRefuseCancelWhenPastSigning() {
        assertThatThrownBy(() -> saga.decide(withdrawal(SIGNING), new CancelRequested("alice")))
                .isInstanceOf(TransitionRefused.class).hasMessageContaining("can no longer be cancelled");
        assertThatThrownBy(() -> saga.decide(withdrawal(CONFIRMING), new CancelRequested("alice")))
                .isInstanceOf(TransitionRefused.class);
    }

    @Test
    void shouldConfirmWithoutReleaseWhenBroadcast() {
        Decision decision = saga.decide(withdrawal(SIGNING), new Broadcast("0xabc"));

        assertThat(decision.next()).isEqualTo(CONFIRMING);
        assertThat(decision.effects()).noneMatch(e -> e instanceof ReleaseHold);
    }

    @Test
    void shouldSettleWhenConfirmed() {
        Decision decision = saga.decide(withdrawal(CONFIRMING), new Confirmed("0xabc", 2));

        assertThat(decision.next()).isEqualTo(WithdrawalState.COMPLETED);
        assertThat(decision.effects()).endsWith(new StopTimer(TimerKind.CONFIRMATION), new Settle());
    }

    @Test
    void shouldGoBackToConfirmingWithoutReleaseWhenDroppedByReorg() {
        Decision decision = saga.decide(withdrawal(CONFIRMING), new Dropped("0xabc", "reorg"));

        assertThat(decision.next()).isEqualTo(CONFIRMING);
        assertThat(decision.effects()).noneMatch(e -> e instanceof ReleaseHold);
    }

    @Test
    void shouldRebroadcastSameTransactionWhenConfirmationOverdue() {
        Decision decision = saga.decide(withdrawal(CONFIRMING), new ConfirmationOverdue(TIMEOUT));

        assertThat(decision.next()).isEqualTo(CONFIRMING);
        assertThat(decision.effects()).contains(new RequestSignAndBroadcast(true));
        assertThat(decision.effects()).noneMatch(e -> e instanceof ReleaseHold);
    }

    @Test
    void shouldFailAndReleaseWhenSigningFailedBeforePivot() {
        Decision decision = saga.decide(withdrawal(SIGNING), new SigningFailed("hot wallet empty"));

        assertThat(decision.next()).isEqualTo(WithdrawalState.FAILED);
        assertThat(decision.effects()).last().isEqualTo(new ReleaseHold());
    }

    @Test
    void shouldIgnoreSigningFailureWhenPastPivot() {
        assertThat(saga.decide(withdrawal(CONFIRMING), new SigningFailed("late")).ignored()).isTrue();
    }

    @Test
    void shouldIgnoreRepliesWhenTerminal() {
        for (WithdrawalState terminal : List.of(WithdrawalState.COMPLETED, WithdrawalState.REJECTED, WithdrawalState.EXPIRED)) {
            assertThat(saga.decide(withdrawal(terminal), new Confirmed("0xabc", 3)).ignored()).isTrue();
            assertThat(saga.decide(withdrawal(terminal), approved()).ignored()).isTrue();
        }
    }

    private static ScreeningDecided approved() {
        return new ScreeningDecided(ScreeningDecision.APPROVE, List.of());
    }

    private static Withdrawal withdrawal(WithdrawalState state) {
        return new Withdrawal(UUID.randomUUID(), UUID.randomUUID(), "default", 1, 31337, "native", BigInteger.valueOf(5000),
                "0x00000000000000000000000000000000000000d1", "alice", state, 0, List.of(), Set.of(), null, 0, Instant.now());
    }

    private static Withdrawal awaiting(Set<String> approvers) {
        return new Withdrawal(UUID.randomUUID(), UUID.randomUUID(), "default", 1, 31337, "native", BigInteger.valueOf(5000),
                "0x00000000000000000000000000000000000000d1", "alice", AWAITING_APPROVAL, 2, List.of(), approvers, null, 0,
                Instant.now());
    }
}
