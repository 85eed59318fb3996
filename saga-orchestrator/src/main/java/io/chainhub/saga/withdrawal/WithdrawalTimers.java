package io.chainhub.saga.withdrawal;

import java.time.Duration;
import java.util.UUID;

import io.chainhub.saga.messaging.SagaProperties;
import io.chainhub.saga.messaging.SagaTimers;
import io.chainhub.saga.worker.WorkerThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires due withdrawal timers: each one is taken and its transition applied in one transaction, so a
 * crash before commit leaves the timer due (it fires after restart), and a fired timer never fires twice.
 */
@Component
class WithdrawalTimers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WithdrawalTimers.class);

    private final SagaTimers timers;
    private final WithdrawalRunner runner;
    private final TransactionTemplate transactions;
    private final SagaProperties properties;
    private final WorkerThread worker = new WorkerThread("withdrawal-timers");

    WithdrawalTimers(SagaTimers timers, WithdrawalRunner runner, TransactionTemplate transactions, SagaProperties properties) {
        this.timers = timers;
        this.runner = runner;
        this.transactions = transactions;
        this.properties = properties;
    }

    private void run() {
        while (worker.isCurrent()) {
            try {
                while (Boolean.TRUE.equals(transactions.execute(status -> fireOne()))) {
                    // keep firing while timers are due
                }
                Thread.sleep(properties.timerPollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("timer failed, retrying at next poll: {}", e.toString());
                try {
                    Thread.sleep(properties.timerPollInterval());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private boolean fireOne() {
        return timers.takeDue().map(timer -> {
            WithdrawalInput input = switch (SagaEffect.TimerKind.valueOf(timer.kind())) {
                case APPROVAL_WINDOW -> new WithdrawalInput.ApprovalWindowElapsed();
                case CONFIRMATION -> new WithdrawalInput.ConfirmationOverdue(properties.confirmationTimeout());
            };
            runner.handle(UUID.fromString(timer.sagaId()), input, "timer");
            return true;
        }).orElse(false);
    }

    @Override
    public void start() {
        worker.start(this::run);
    }

    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
