package io.chainhub.saga.withdrawal;

/** Where a withdrawal saga stands. BROADCAST onwards is past the pivot: no compensation any more. */
public enum WithdrawalState {
    SCREENING, AWAITING_APPROVAL, SIGNING, CONFIRMING,
    COMPLETED, REJECTED, CANCELLED, EXPIRED, FAILED;

    public boolean terminal() {
        return ordinal() >= COMPLETED.ordinal();
    }

    /** True once the transaction may be on chain: only forward recovery from here. */
    public boolean pastPivot() {
        return this == CONFIRMING || this == COMPLETED;
    }
}
