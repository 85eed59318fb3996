package io.chainhub.saga.withdrawal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.chainhub.events.custody.ChainCommand;
import io.chainhub.events.custody.CustodyEvent;
import io.chainhub.events.custody.ScreeningCommand;
import io.chainhub.events.topics.Topics;
import io.chainhub.saga.account.Assets;
import io.chainhub.saga.audit.AuditJournal;
import io.chainhub.saga.fault.StepBoundary;
import io.chainhub.saga.fault.StepFaults;
import io.chainhub.saga.ledger.Ledger;
import io.chainhub.saga.messaging.Outbox;
import io.chainhub.saga.messaging.SagaProperties;
import io.chainhub.saga.messaging.SagaTimers;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Executes the {@link WithdrawalSaga}: locks the saga row, asks the saga for a decision, applies its
 * effects (ledger, outbox, timers), records the transition in the timeline and the audit journal and
 * publishes a custody event — all in ONE database transaction, so a crash leaves either all or none.
 * A poll of replies runs as one transaction of many steps ({@link #handleAll}).
 */
@Component
public class WithdrawalRunner {

    private static final Logger log = LoggerFactory.getLogger(WithdrawalRunner.class);

    private final WithdrawalSaga saga;
    private final WithdrawalStore store;
    private final Ledger ledger;
    private final Outbox outbox;
    private final SagaTimers timers;
    private final AuditJournal audit;
    private final Assets assets;
    private final SagaProperties properties;
    private final StepFaults faults;

    WithdrawalRunner(WithdrawalSaga saga, WithdrawalStore store, Ledger ledger, Outbox outbox, SagaTimers timers,
                     AuditJournal audit, Assets assets, SagaProperties properties, StepFaults faults) {
        this.saga = saga;
        this.store = store;
        this.ledger = ledger;
        this.outbox = outbox;
        this.timers = timers;
        this.audit = audit;
        this.assets = assets;
        this.properties = properties;
        this.faults = faults;
    }

    /** One input for one withdrawal, from {@code actor}. */
    public record Step(UUID withdrawal, WithdrawalInput input, String actor) {
    }

    @Transactional
    public WithdrawalState handle(UUID id, WithdrawalInput input, String actor) {
        return handleAll(List.of(new Step(id, input, actor))).getFirst();
    }

    /**
     * Applies steps in order in the caller's transaction (a poll of replies: one transaction). The sagas
     * are locked together; a later step of the same saga decides on the snapshot the earlier one left.
     */
    @Transactional
    public List<WithdrawalState> handleAll(List<Step> steps) {
        Map<UUID, Withdrawal> sagas = store.lock(steps.stream().map(Step::withdrawal).collect(Collectors.toSet()));
        Deque<Long> transitionIds = store.transitionIds(steps.size());
        List<WithdrawalState> states = new ArrayList<>(steps.size());
        for (Step step : steps) {
            Withdrawal w = sagas.get(step.withdrawal());
            if (w == null) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no withdrawal " + step.withdrawal());
            }
            Withdrawal after = apply(w, step.input(), step.actor(), transitionIds);
            sagas.put(w.id(), after);
            states.add(after.state());
        }
        return states;
    }

    private Withdrawal apply(Withdrawal w, WithdrawalInput input, String actor, Deque<Long> transitionIds) {
        UUID id = w.id();
        Decision decision = saga.decide(w, input);
        if (decision.ignored()) {
            log.debug("withdrawal {} in {} ignores {}", id, w.state(), input);
            return w;
        }
        Withdrawal after = w.withState(decision.next());
        for (SagaEffect effect : decision.effects()) {
            after = apply(w, after, effect);
        }
        if (input instanceof WithdrawalInput.ScreeningDecided screening) {
            store.screening(id, screening.decision().name());
        }
        store.state(id, decision.next(), decision.next().terminal() ? WithdrawalStore.truncate(decision.detail()) : null);
        long transition = transitionIds.pop();
        store.transition(transition, w.sagaId(), w.state(), decision.next(), input.cause(), actor, decision.detail());
        audit.append(actor, "withdrawal." + input.cause(), w.sagaId(),
                w.state() + " -> " + decision.next() + ": " + decision.detail());
        if (decision.next() != w.state() || input instanceof WithdrawalInput.Requested) {
            publish(w, decision, input, transition);
        }
        switch (input) {
            case WithdrawalInput.ScreeningDecided screening -> faults.reached(StepBoundary.SCREENING_REPLY_APPLIED, w.sagaId());
            case WithdrawalInput.Broadcast broadcast -> faults.reached(StepBoundary.BROADCAST_APPLIED, w.sagaId());
            case WithdrawalInput.ApprovalWindowElapsed elapsed -> faults.reached(StepBoundary.APPROVAL_EXPIRED, w.sagaId());
            default -> { }
        }
        return after;
    }

    /** Runs one effect of a decision taken on {@code w}; returns the snapshot {@code after} updated by it. */
    private Withdrawal apply(Withdrawal w, Withdrawal after, SagaEffect effect) {
        int attempt = after.broadcastAttempts() + (effect instanceof RequestSignAndBroadcast ? 1 : 0);
        run(w, effect, attempt);
        after = switch (effect) {
            case RecordApproval approval when approval.decision().equals("APPROVE") -> after.after(after.state(),
                    after.approvalsRequired(), after.eligibleApprovers(), plus(after.approvers(), approval.approver()),
                    after.txHash(), attempt);
            case RecordTxHash tx -> after.after(after.state(), after.approvalsRequired(), after.eligibleApprovers(),
                    after.approvers(), tx.txHash() == null ? after.txHash() : tx.txHash(), attempt);
            case RecordPolicy policy -> policy.outcome() instanceof PolicyOutcome.RequireApproval required
                    ? after.after(after.state(), required.approvals(), required.approvers(), after.approvers(), after.txHash(), attempt)
                    : after.after(after.state(), 0, List.of(), after.approvers(), after.txHash(), attempt);
            default -> after.after(after.state(), after.approvalsRequired(), after.eligibleApprovers(), after.approvers(),
                    after.txHash(), attempt);
        };
        StepBoundary reached = switch (effect) {
            case HoldFunds hold -> StepBoundary.FUNDS_HELD;
            case ReleaseHold release -> StepBoundary.HOLD_RELEASED;
            case Settle settle -> StepBoundary.SETTLED;
            case RecordPolicy policy -> StepBoundary.POLICY_DECIDED;
            case RecordApproval approval -> StepBoundary.APPROVAL_RECORDED;
            case RequestSignAndBroadcast sign -> StepBoundary.CHAIN_COMMAND_QUEUED;
            default -> null;
        };
        if (reached != null) {
            faults.reached(reached, w.sagaId());
        }
        return after;
    }

    private static Set<String> plus(Set<String> approvers, String approver) {
        Set<String> more = new LinkedHashSet<>(approvers);
        more.add(approver);
        return more;
    }

    private void run(Withdrawal w, SagaEffect effect, int attempt) {
        switch (effect) {
            case HoldFunds hold -> ledger.hold(w.sagaId(), w.accountId(), w.assetId(), w.amount());
            case ReleaseHold release -> ledger.release(w.sagaId(), w.accountId(), w.assetId(), w.amount());
            case Settle settle -> ledger.settle(w.sagaId(), w.accountId(), w.assetId(), w.amount());
            case RequestScreening screening -> outbox.add(Topics.SCREENING_COMMANDS, w.sagaId(), w.sagaId() + ":screening",
                    ScreeningCommand.TYPE, w.sagaId(), new ScreeningCommand(w.sagaId() + ":screening", w.sagaId(),
                            w.accountId().toString(), w.chainId(), tokenAddress(w), w.amount().toString(),
                            assets.get(w.assetId()).decimals(), null, w.destination(), Instant.now()));
            case RequestSignAndBroadcast sign -> {
                store.broadcastAttempts(w.id(), attempt);
                String commandId = w.sagaId() + ":chain:" + attempt;
                outbox.add(Topics.CHAIN_GATEWAY_COMMANDS, w.sagaId(), commandId, ChainCommand.TYPE, w.sagaId(),
                        new ChainCommand(commandId, w.sagaId(), sign.rebroadcast() ? ChainCommand.Action.REBROADCAST
                                : ChainCommand.Action.SIGN_AND_BROADCAST, w.chainId(), tokenAddress(w),
                                w.amount().toString(), w.destination(), properties.confirmations(), Instant.now()));
            }
            case RecordPolicy policy -> recordPolicy(w, policy.outcome());
            case RecordApproval approval -> {
                store.approval(w.id(), approval.approver(), approval.decision(), approval.comment());
                audit.append(approval.approver(), "withdrawal.approval." + approval.decision().toLowerCase(), w.sagaId(),
                        approval.comment() == null ? "" : approval.comment());
            }
            case RecordTxHash tx -> store.txHash(w.id(), tx.txHash(), tx.confirmations());
            case StartTimer timer -> timers.start(w.sagaId(), timer.kind().name(), timer.after());
            case StopTimer timer -> timers.stop(w.sagaId(), timer.kind().name());
        }
    }

    private void recordPolicy(Withdrawal w, PolicyOutcome outcome) {
        switch (outcome) {
            case PolicyOutcome.RequireApproval required -> store.policy(w.id(), required.version(), outcome.name(),
                    required.approvals(), required.approvers());
            default -> store.policy(w.id(), outcome.version(), outcome.name(), 0, java.util.List.of());
        }
    }

    private void publish(Withdrawal w, Decision decision, WithdrawalInput input, long transition) {
        String kind = input instanceof WithdrawalInput.Requested ? "requested" : switch (decision.next()) {
            case CONFIRMING -> "broadcast";
            default -> decision.next().name().toLowerCase();
        };
        String eventId = w.sagaId() + ":" + kind + ":" + transition;
        var details = new java.util.LinkedHashMap<String, String>();
        details.put("detail", String.valueOf(decision.detail()));
        details.put("requestedBy", w.requestedBy());
        if (!w.approvers().isEmpty()) {
            details.put("approvers", String.join(",", w.approvers()));
        }
        String txHash = input instanceof WithdrawalInput.Broadcast b ? b.txHash()
                : input instanceof WithdrawalInput.Confirmed c ? c.txHash() : w.txHash();
        CustodyEvent event = new CustodyEvent(eventId, "custody.withdrawal." + kind, w.sagaId(), w.accountId().toString(),
                decision.next().name(), w.chainId(), tokenAddress(w), w.amount().toString(), null, w.destination(),
                txHash, Instant.now(), Map.copyOf(details));
        outbox.add(Topics.CUSTODY_EVENTS, w.sagaId(), eventId, event.cloudEventType(), w.sagaId(), event);
    }

    private static String tokenAddress(Withdrawal w) {
        return "native".equals(w.token()) ? null : w.token();
    }
}
