package io.chainhub.saga.ledger;

/** Where money sits. EXTERNAL is the other side of the books: outside custody (on chain). */
public enum Bucket {
    AVAILABLE, HELD, PENDING, EXTERNAL
}
