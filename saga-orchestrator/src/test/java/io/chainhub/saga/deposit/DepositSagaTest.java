package io.chainhub.saga.deposit;

import static io.chainhub.events.transfer.TransferStatus.CONFIRMED;
import static io.chainhub.events.transfer.TransferStatus.OBSERVED;
import static io.chainhub.events.transfer.TransferStatus.REVERTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainhub.saga.deposit.DepositSaga.Decision;
import io.chainhub.saga.deposit.DepositSaga.Step;
import org.junit.jupiter.api.Test;

/** The deposit saga's steps and its compensation, without broker or database. */
class DepositSagaTest {

    private final DepositSaga saga = new DepositSaga();

    @Test
    void shouldCreditPendingWhenObserved() {
        assertThat(saga.decide(null, OBSERVED)).isEqualTo(new Decision(Step.PENDING_CREDIT, DepositState.PENDING));
    }

    @Test
    void shouldMakeAvailableWhenPendingConfirmed() {
        assertThat(saga.decide(DepositState.PENDING, CONFIRMED)).isEqualTo(new Decision(Step.CREDIT_FROM_PENDING, DepositState.CREDITED));
    }

    @Test
    void shouldCreditDirectlyWhenConfirmedWithoutObservation() {
        assertThat(saga.decide(null, CONFIRMED)).isEqualTo(new Decision(Step.CREDIT_DIRECTLY, DepositState.CREDITED));
    }

    @Test
    void shouldReversePendingWhenRevertedBeforeConfirmation() {
        assertThat(saga.decide(DepositState.PENDING, REVERTED)).isEqualTo(new Decision(Step.REVERSE_PENDING, DepositState.REVERSED));
    }

    @Test
    void shouldReverseAvailableWhenRevertedAfterConfirmation() {
        assertThat(saga.decide(DepositState.CREDITED, REVERTED)).isEqualTo(new Decision(Step.REVERSE_AVAILABLE, DepositState.REVERSED));
    }

    @Test
    void shouldDoNothingWhenDuplicateOrStale() {
        assertThat(saga.decide(DepositState.PENDING, OBSERVED).step()).isEqualTo(Step.NONE);
        assertThat(saga.decide(DepositState.CREDITED, CONFIRMED).step()).isEqualTo(Step.NONE);
        assertThat(saga.decide(DepositState.REVERSED, CONFIRMED).step()).isEqualTo(Step.NONE);
        assertThat(saga.decide(null, REVERTED).step()).isEqualTo(Step.NONE);
    }
}
