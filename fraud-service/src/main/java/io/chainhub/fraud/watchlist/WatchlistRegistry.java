package io.chainhub.fraud.watchlist;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * All lists in memory for the topology and the screening (a lookup per transfer leg must not hit the
 * database). Refreshed right after a change through this instance, and periodically for changes made
 * through another instance. OFAC's whole digital-currency list is a few thousand addresses: memory is fine.
 */
@Component
public class WatchlistRegistry implements Supplier<Watchlists> {

    private final WatchlistStore store;
    private final AtomicReference<Watchlists> current = new AtomicReference<>(Watchlists.EMPTY);

    WatchlistRegistry(WatchlistStore store) {
        this.store = store;
        refresh();
    }

    @Override
    public Watchlists get() {
        return current.get();
    }

    @Scheduled(fixedDelayString = "${chainhub.fraud.config-refresh:PT5S}")
    public void refresh() {
        current.set(new Watchlists(store.listsByAddress()));
    }
}
