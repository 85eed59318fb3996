package io.chainhub.saga.fault;

/**
 * The points between the steps of the sagas and of the messaging around them where a failure
 * matters. Each is reached inside the transaction of the step it names, after the step's work ran
 * and before anything commits, unless its name says otherwise.
 */
public enum StepBoundary {

    /** {@code POST /api/withdrawals}: the hold posted (the screening command is queued next, same transaction). */
    FUNDS_HELD,
    /** A screening reply applied to its withdrawal (policy, approvals or the chain command follow in it). */
    SCREENING_REPLY_APPLIED,
    /** The policy outcome recorded. */
    POLICY_DECIDED,
    /** An approver's approval or rejection recorded. */
    APPROVAL_RECORDED,
    /** The sign-and-broadcast (or rebroadcast) command written to the outbox. */
    CHAIN_COMMAND_QUEUED,
    /** The gateway's BROADCAST applied: the pivot. */
    BROADCAST_APPLIED,
    /** The gateway's CONFIRMED applied: the held amount settled. */
    SETTLED,
    /** A compensation: the hold released (rejection, expiry, cancel, failure). */
    HOLD_RELEASED,
    /** The approval window's timer fired and expired the withdrawal. */
    APPROVAL_EXPIRED,
    /** A deposit seen at 0 confirmations: pending credit posted. */
    DEPOSIT_PENDING,
    /** A deposit confirmed: available credit posted. */
    DEPOSIT_CREDITED,
    /** A deposit removed by a reorg: the credit reversed. */
    DEPOSIT_REVERSED,
    /** A poll's database transaction COMMITTED, its Kafka offsets not yet (reached once per record; redelivery follows). */
    CONSUMED_BEFORE_OFFSET_COMMIT,
    /** The outbox relay sent a message in its Kafka transaction, which is not committed yet. */
    OUTBOX_BEFORE_KAFKA_COMMIT,
    /** The outbox relay's Kafka transaction COMMITTED, the rows not yet marked published (republished). */
    OUTBOX_BEFORE_MARK
}
