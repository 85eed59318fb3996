package io.chainhub.fraud.stream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.chainhub.fraud.engine.Counterparties;
import io.chainhub.fraud.engine.CounterpartyFilter;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The counterparties of one address in the {@code address-counterparties} store, one entry per pair (key
 * {@code chainId:address|counterparty}, value last seen, to the hour): point lookups for "knows", a prefix scan of the
 * look-alikes for address poisoning. An address the history's {@link CounterpartyFilter} has never seen is not
 * looked up: it is new.
 */
final class StoredCounterparties implements Counterparties {

    private static final StringSerializer KEYS = new StringSerializer();
    /**
     * "Last seen" is kept to the hour: it only decides retention (days) and the poisoning lookback (days), and a
     * pair that deals every block (a user and an exchange) would otherwise rewrite its row, with a changelog
     * record, on every leg.
     */
    static final long REFRESH_SECONDS = 3_600;

    private final KeyValueStore<String, Long> store;
    private final String owner;
    private final CounterpartyFilter filter;

    StoredCounterparties(KeyValueStore<String, Long> store, String stateKey, CounterpartyFilter filter) {
        this.store = store;
        this.owner = stateKey + "|";
        this.filter = filter;
    }

    @Override
    public boolean knows(String address) {
        return filter.mightContain(address) && store.get(owner + address) != null;
    }

    @Override
    public List<Counterparty> startingWith(String prefix) {
        List<Counterparty> found = new ArrayList<>();
        try (var entries = store.prefixScan(owner + prefix, KEYS)) {
            entries.forEachRemaining(entry -> found.add(
                    new Counterparty(entry.key.substring(owner.length()), entry.value)));
        }
        found.sort(Comparator.comparingLong(Counterparty::lastSeen));
        return found;
    }

    @Override
    public boolean remember(String address, long time) {
        String key = owner + address;
        Long before = filter.mightContain(address) ? store.get(key) : null;
        if (before == null || time - before >= REFRESH_SECONDS) {
            store.put(key, time);
        }
        return before == null;
    }
}
