package io.chainhub.analytics.aggregate;

/** A block counted (+1) or taken back out (-1) under one finality. */
public record BlockDelta(long chainId, BlockSample block, int sign) {
}
