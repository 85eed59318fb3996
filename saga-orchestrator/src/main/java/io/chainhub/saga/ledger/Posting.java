package io.chainhub.saga.ledger;

import java.math.BigInteger;
import java.util.UUID;

/** One line of a journal transaction; {@code account} null for {@link Bucket#EXTERNAL}. */
public record Posting(UUID account, Bucket bucket, BigInteger amount) {

    /** Moves {@code amount} of an account from one bucket to another (two lines). */
    public static Posting[] move(UUID account, Bucket from, Bucket to, BigInteger amount) {
        return new Posting[] {new Posting(from == Bucket.EXTERNAL ? null : account, from, amount.negate()),
                new Posting(to == Bucket.EXTERNAL ? null : account, to, amount)};
    }
}
