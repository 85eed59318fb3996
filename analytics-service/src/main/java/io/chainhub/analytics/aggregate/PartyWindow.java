package io.chainhub.analytics.aggregate;

/**
 * What one address sent (or received) of one token in one window. Kept per address, not as a
 * HyperLogLog sketch: a sketch cannot take a reverted transfer back out; exact counts can, and
 * give exact unique counts and top-N.
 */
public record PartyWindow(Figures confirmed, Figures provisional) {

    public static final PartyWindow EMPTY = new PartyWindow(Figures.ZERO, Figures.ZERO);

    public PartyWindow {
        confirmed = confirmed == null ? Figures.ZERO : confirmed;
        provisional = provisional == null ? Figures.ZERO : provisional;
    }

    public PartyWindow apply(TransferDelta delta) {
        return delta.finality() == Finality.CONFIRMED
                ? new PartyWindow(confirmed.apply(delta.sign(), delta.value()), provisional)
                : new PartyWindow(confirmed, provisional.apply(delta.sign(), delta.value()));
    }

    /** Nothing counted and nothing left over: the address can leave the store. */
    boolean isZero() {
        return confirmed.isEmpty() && provisional.isEmpty() && confirmed.volume().signum() == 0
                && provisional.volume().signum() == 0;
    }

    public Figures total() {
        return confirmed.plus(provisional);
    }
}
