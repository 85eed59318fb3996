package io.chainhub.saga.account;

/** CREDIT raises a custody balance (deposit), DEBIT lowers it (withdrawal). */
enum Direction {
    CREDIT, DEBIT
}
