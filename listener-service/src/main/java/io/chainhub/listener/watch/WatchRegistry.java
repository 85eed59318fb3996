package io.chainhub.listener.watch;

import io.chainhub.listener.ingest.TransferFilter;
import io.chainhub.listener.ingest.WatchedTransfers;
import org.springframework.stereotype.Component;

/** The watches in memory, rebuilt from the table on every change: changes apply without restart. */
@Component
public class WatchRegistry implements WatchedTransfers {

    private final WatchRepository repository;
    private volatile WatchIndex index;

    WatchRegistry(WatchRepository repository) {
        this.repository = repository;
        reload();
    }

    @Override
    public TransferFilter filterFor(long chainId) {
        return transfer -> index.matches(transfer);
    }

    void reload() {
        index = WatchIndex.of(repository.findAll(null));
    }
}
