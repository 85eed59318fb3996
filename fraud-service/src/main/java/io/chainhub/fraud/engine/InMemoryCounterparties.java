package io.chainhub.fraud.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/** {@link Counterparties} of one address in memory, for the backtest. */
public final class InMemoryCounterparties implements Counterparties {

    private final TreeMap<String, Long> lastSeen = new TreeMap<>();

    @Override
    public boolean knows(String address) {
        return lastSeen.containsKey(address);
    }

    @Override
    public List<Counterparty> startingWith(String prefix) {
        List<Counterparty> found = new ArrayList<>();
        lastSeen.subMap(prefix, prefix + Character.MAX_VALUE)
                .forEach((address, time) -> found.add(new Counterparty(address, time)));
        found.sort(Comparator.comparingLong(Counterparty::lastSeen));
        return found;
    }

    @Override
    public boolean remember(String address, long time) {
        return lastSeen.put(address, time) == null;
    }
}
