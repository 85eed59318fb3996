package io.chainhub.fraud.engine;

import java.util.List;

/**
 * Whom one address dealt with, and when last. Kept apart from {@link AddressHistory} so that an address with
 * thousands of counterparties costs a point lookup per leg instead of reading and rewriting all of them
 * (that rewrite made the topology slower the longer it ran).
 */
public interface Counterparties {

    /** A counterparty and when it was last seen, epoch seconds of chain time. */
    record Counterparty(String address, long lastSeen) {
    }

    boolean knows(String address);

    /** Counterparties whose address starts with {@code prefix} ("0x" and leading hex digits), least recent first. */
    List<Counterparty> startingWith(String prefix);

    /** Remembers a dealing with {@code address} at {@code time}; whether the address was new. */
    boolean remember(String address, long time);
}
