package io.chainhub.listener.ingest;

/** The identity of a block on one branch of the chain. */
public record BlockRef(long number, String hash, String parentHash) {
}
