package io.chainhub.analytics.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Totals of one chain and token in one window, confirmed and provisional apart, with the window's
 * largest transfers. Unique senders/receivers and top-N live in the party stores (see
 * {@link PartyWindow}).
 *
 * @param lastBlock highest block number that contributed
 * @param largest   up to {@link #LARGEST_KEPT} largest transfers, largest first (hourly windows only: the
 *                  list is the costliest part to serialize, and the feed reads the hourly windows)
 */
public record TokenWindow(String symbol, Integer decimals, Figures confirmed, Figures provisional, long lastBlock,
        List<LargeTransfer> largest) {

    public static final int LARGEST_KEPT = 10;
    public static final TokenWindow EMPTY = new TokenWindow(null, null, Figures.ZERO, Figures.ZERO, 0, List.of());

    public TokenWindow {
        confirmed = confirmed == null ? Figures.ZERO : confirmed;
        provisional = provisional == null ? Figures.ZERO : provisional;
        largest = largest == null ? List.of() : largest;
    }

    /** Counts the delta; the largest transfers are tracked only where {@code keepLargest} (the hourly windows). */
    public TokenWindow apply(TransferDelta delta, boolean keepLargest) {
        Figures newConfirmed = confirmed;
        Figures newProvisional = provisional;
        if (delta.finality() == Finality.CONFIRMED) {
            newConfirmed = confirmed.apply(delta.sign(), delta.value());
        } else {
            newProvisional = provisional.apply(delta.sign(), delta.value());
        }
        List<LargeTransfer> newLargest = new ArrayList<>(largest);
        newLargest.removeIf(t -> t.eventId().equals(delta.eventId()) && t.finality() == delta.finality());
        if (delta.sign() > 0 && keepLargest) {
            newLargest.add(LargeTransfer.of(delta));
            newLargest.sort(Comparator.comparing(LargeTransfer::value).reversed());
            if (newLargest.size() > LARGEST_KEPT) {
                newLargest = new ArrayList<>(newLargest.subList(0, LARGEST_KEPT));
            }
        }
        return new TokenWindow(delta.symbol() != null ? delta.symbol() : symbol,
                delta.decimals() != null ? delta.decimals() : decimals, newConfirmed, newProvisional,
                Math.max(lastBlock, delta.blockNumber()), List.copyOf(newLargest));
    }

    public Figures total() {
        return confirmed.plus(provisional);
    }
}
