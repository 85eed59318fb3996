package io.chainhub.analytics.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Totals of one chain and token in one window, confirmed and provisional apart, with the window's
 * largest transfers and its distinct senders and receivers. Who they are, with their figures, is
 * in the party stores (see {@link PartyWindow}).
 *
 * @param lastBlock highest block number that contributed
 * @param largest   up to {@link #LARGEST_KEPT} largest transfers, largest first (hourly windows only: the
 *                  list is the costliest part to serialize, and the feed reads the hourly windows)
 */
public record TokenWindow(String symbol, Integer decimals, Figures confirmed, Figures provisional, long lastBlock,
        List<LargeTransfer> largest, Uniques senders, Uniques receivers) {

    public static final int LARGEST_KEPT = 10;
    public static final TokenWindow EMPTY = new TokenWindow(null, null, Figures.ZERO, Figures.ZERO, 0, List.of(),
            Uniques.NONE, Uniques.NONE);

    public TokenWindow {
        confirmed = confirmed == null ? Figures.ZERO : confirmed;
        provisional = provisional == null ? Figures.ZERO : provisional;
        largest = largest == null ? List.of() : largest;
        senders = senders == null ? Uniques.NONE : senders;
        receivers = receivers == null ? Uniques.NONE : receivers;
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
        return new TokenWindow(delta.symbol() != null ? delta.symbol() : symbol,
                delta.decimals() != null ? delta.decimals() : decimals, newConfirmed, newProvisional,
                Math.max(lastBlock, delta.blockNumber()), keepLargest ? largestWith(delta) : largest, senders,
                receivers);
    }

    /** The same window with its distinct sender and receiver counts moved on. */
    TokenWindow withUniques(Uniques newSenders, Uniques newReceivers) {
        return new TokenWindow(symbol, decimals, confirmed, provisional, lastBlock, largest, newSenders, newReceivers);
    }

    private List<LargeTransfer> largestWith(TransferDelta delta) {
        boolean listed = largest.stream()
                .anyMatch(t -> t.eventId().equals(delta.eventId()) && t.finality() == delta.finality());
        if (delta.sign() < 0 && !listed) {
            return largest;
        }
        // most deltas are smaller than the 10th largest: no copy then
        if (delta.sign() > 0 && !listed && largest.size() >= LARGEST_KEPT
                && largest.getLast().value().compareTo(delta.value()) >= 0) {
            return largest;
        }
        List<LargeTransfer> next = new ArrayList<>(largest);
        next.removeIf(t -> t.eventId().equals(delta.eventId()) && t.finality() == delta.finality());
        if (delta.sign() > 0) {
            next.add(LargeTransfer.of(delta));
            next.sort(Comparator.comparing(LargeTransfer::value).reversed());
            if (next.size() > LARGEST_KEPT) {
                next = next.subList(0, LARGEST_KEPT);
            }
        }
        return List.copyOf(next);
    }

    public Figures total() {
        return confirmed.plus(provisional);
    }
}
