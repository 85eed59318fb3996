package io.chainhub.saga.deposit;

/**
 * PENDING: seen at 0 confirmations, credited as pending. CREDITED: confirmed, available.
 * REVERSED: removed by a reorg, credit compensated. REVERSAL_BLOCKED: removed by a reorg after
 * the customer already spent the funds — nothing to take back; an operator must settle it.
 */
public enum DepositState {
    PENDING, CREDITED, REVERSED, REVERSAL_BLOCKED
}
