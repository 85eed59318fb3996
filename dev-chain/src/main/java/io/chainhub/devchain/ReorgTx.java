package io.chainhub.devchain;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A transaction for anvil to include in the replacement blocks of {@code anvil_reorg}. anvil
 * signs it itself, so {@code from} must be one of its unlocked dev accounts.
 *
 * @param data        calldata as 0x-hex, or null for a plain value transfer
 * @param blockOffset which new block it goes into: 0 is the first replaced height
 */
public record ReorgTx(String from, String to, BigInteger value, String data, int blockOffset) {

    public static ReorgTx nativeTransfer(String from, String to, BigInteger wei, int blockOffset) {
        return new ReorgTx(from, to, wei, null, blockOffset);
    }

    /** The {@code [TransactionRequest, blockOffset]} pair anvil expects. */
    List<Object> toParam() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("from", from);
        request.put("to", to);
        if (value != null) {
            request.put("value", "0x" + value.toString(16));
        }
        if (data != null) {
            request.put("input", data);
        }
        return List.of(request, blockOffset);
    }
}
