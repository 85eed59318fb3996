package io.chainhub.listener.ingest;

import io.chainhub.events.transfer.TransferEvent;

/** Decides which observed transfers of a chain are published (all, or only watched ones). */
@FunctionalInterface
public interface TransferFilter {

    TransferFilter ALL = transfer -> true;

    boolean accepts(TransferEvent transfer);
}
