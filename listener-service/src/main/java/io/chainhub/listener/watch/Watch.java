package io.chainhub.listener.watch;

import java.time.Instant;
import java.util.UUID;

/**
 * An address or token contract followed on a chain whose scope is {@code watched}.
 *
 * @param kind      ADDRESS: transfers from or to it; TOKEN: transfers of that contract
 * @param fromBlock first block the watch applies to
 */
public record Watch(UUID id, long chainId, Kind kind, String address, long fromBlock, String label, Instant createdAt) {

    public enum Kind { ADDRESS, TOKEN }
}
