package io.chainhub.fraud.watchlist;

import java.util.Map;
import java.util.Set;

/** Snapshot of every list: address (lowercase) → names of the lists that hold it. */
public record Watchlists(Map<String, Set<String>> listsByAddress) {

    public static final Watchlists EMPTY = new Watchlists(Map.of());

    public Watchlists {
        listsByAddress = Map.copyOf(listsByAddress);
    }

    /** The names among {@code lists} that hold {@code address}; empty when none. */
    public Set<String> matching(String address, Set<String> lists) {
        if (address == null) {
            return Set.of();
        }
        Set<String> holding = listsByAddress.get(address);
        if (holding == null) {
            return Set.of(); // nearly every leg: no stream set up per call
        }
        return holding.stream().filter(lists::contains).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
