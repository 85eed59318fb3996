package io.chainhub.listener.watch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chainhub.events.transfer.TransferEvent;

/** Watches keyed by (chain, kind, address): a transfer is checked with at most three lookups. */
record WatchIndex(Map<String, Long> fromBlockByKey) {

    static WatchIndex of(List<Watch> watches) {
        Map<String, Long> index = new HashMap<>();
        watches.forEach(watch -> index.put(key(watch.chainId(), watch.kind(), watch.address()), watch.fromBlock()));
        return new WatchIndex(Map.copyOf(index));
    }

    boolean matches(TransferEvent transfer) {
        return watched(transfer, Watch.Kind.ADDRESS, transfer.from())
                || watched(transfer, Watch.Kind.ADDRESS, transfer.to())
                || (transfer.token() != null && watched(transfer, Watch.Kind.TOKEN, transfer.token().address()));
    }

    private boolean watched(TransferEvent transfer, Watch.Kind kind, String address) {
        if (address == null) {
            return false;
        }
        Long fromBlock = fromBlockByKey.get(key(transfer.chainId(), kind, address));
        return fromBlock != null && transfer.blockNumber() >= fromBlock;
    }

    private static String key(long chainId, Watch.Kind kind, String address) {
        return chainId + "/" + kind + "/" + address;
    }
}
