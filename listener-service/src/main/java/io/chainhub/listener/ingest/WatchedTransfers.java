package io.chainhub.listener.ingest;

/** Supplies the filter of chains whose scope is {@code watched} (implemented by the watch feature). */
@FunctionalInterface
public interface WatchedTransfers {

    TransferFilter filterFor(long chainId);
}
