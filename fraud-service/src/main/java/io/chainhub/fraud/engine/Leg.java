package io.chainhub.fraud.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import io.chainhub.events.transfer.TransferEvent;

/**
 * One side of a transfer as seen from one address: a transfer A→B is the OUT leg of A and the IN leg
 * of B. Per-address rules work on legs, partitioned by {@link #stateKey()}.
 *
 * @param token  contract address, or {@code native}
 * @param amount base units as a decimal string
 * @param time   block timestamp, epoch seconds: windows run on chain time, so a replay gives the same answer
 */
public record Leg(String eventId, long chainId, String txHash, String address, String counterparty,
        Direction direction, String token, String symbol, Integer decimals, String amount, long time) {

    public static final String NATIVE = "native";

    /** The legs of a transfer: OUT of the sender, IN of the receiver (mints and burns have one). */
    public static List<Leg> of(TransferEvent transfer) {
        String token = transfer.token() == null || transfer.token().address() == null
                ? NATIVE : transfer.token().address().toLowerCase();
        String symbol = transfer.token() == null ? null : transfer.token().symbol();
        Integer decimals = transfer.token() == null ? null : transfer.token().decimals();
        String from = lower(transfer.from());
        String to = lower(transfer.to());
        String value = transfer.value() == null ? "0" : transfer.value();
        List<Leg> legs = new ArrayList<>(2);
        if (from != null && !isZero(from)) {
            legs.add(new Leg(transfer.eventId(), transfer.chainId(), transfer.txHash(), from, to, Direction.OUT,
                    token, symbol, decimals, value, transfer.blockTimestamp()));
        }
        if (to != null && !isZero(to) && !to.equals(from)) {
            legs.add(new Leg(transfer.eventId(), transfer.chainId(), transfer.txHash(), to, from, Direction.IN,
                    token, symbol, decimals, value, transfer.blockTimestamp()));
        }
        return legs;
    }

    public BigInteger value() {
        return new BigInteger(amount);
    }

    /** Key of the per-address state and of the repartition topic. */
    public String stateKey() {
        return chainId + ":" + address;
    }

    private static String lower(String address) {
        return address == null ? null : address.toLowerCase();
    }

    private static boolean isZero(String address) {
        return address.equals("0x0000000000000000000000000000000000000000");
    }
}
