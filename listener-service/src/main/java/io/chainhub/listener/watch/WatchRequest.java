package io.chainhub.listener.watch;

import io.chainhub.platform.address.EvmAddress;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/watches}.
 *
 * @param fromBlock first block the watch applies to; default: the chain's current head
 */
record WatchRequest(@Positive long chainId, @NotNull Watch.Kind kind, @NotNull @EvmAddress String address,
                    @PositiveOrZero Long fromBlock, @Size(max = 100) String label) {
}
