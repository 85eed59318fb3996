package io.chainhub.saga.deposit;

import io.chainhub.events.transfer.TransferStatus;

/**
 * The deposit, as a business process: a transfer to a deposit address seen on chain is a pending
 * credit; at the confirmation depth it becomes available; a reorg that removes it reverses the
 * credit (the compensation). Pure: state and status in, decision out.
 */
public final class DepositSaga {

    /** What to post and where the deposit goes; {@code Step.NONE} for duplicates and stale events. */
    public record Decision(Step step, DepositState next) {
    }

    public enum Step { PENDING_CREDIT, CREDIT_FROM_PENDING, CREDIT_DIRECTLY, REVERSE_PENDING, REVERSE_AVAILABLE, NONE }

    /** @param current null when this inclusion of the transfer is new */
    public Decision decide(DepositState current, TransferStatus status) {
        if (current == null) {
            return switch (status) {
                case OBSERVED -> new Decision(Step.PENDING_CREDIT, DepositState.PENDING);
                // missed the OBSERVED (e.g. the address was registered in between): credit at once
                case CONFIRMED -> new Decision(Step.CREDIT_DIRECTLY, DepositState.CREDITED);
                case REVERTED -> new Decision(Step.NONE, null);
            };
        }
        return switch (current) {
            case PENDING -> switch (status) {
                case OBSERVED -> new Decision(Step.NONE, current);
                case CONFIRMED -> new Decision(Step.CREDIT_FROM_PENDING, DepositState.CREDITED);
                case REVERTED -> new Decision(Step.REVERSE_PENDING, DepositState.REVERSED);
            };
            case CREDITED -> status == TransferStatus.REVERTED
                    ? new Decision(Step.REVERSE_AVAILABLE, DepositState.REVERSED)
                    : new Decision(Step.NONE, current);
            case REVERSED, REVERSAL_BLOCKED -> new Decision(Step.NONE, current);
        };
    }
}
