package io.chainhub.analytics.aggregate;

/**
 * Distinct senders (or receivers) of a token in a window with something counted, per finality and in
 * total. Kept up to date as each address's {@link PartyWindow} turns non-empty or empty again, so a
 * query reads one number instead of scanning every address of every window asked for.
 */
public record Uniques(long confirmed, long provisional, long total) {

    public static final Uniques NONE = new Uniques(0, 0, 0);

    /** These counts after one address's window went from {@code before} to {@code after}. */
    Uniques apply(PartyWindow before, PartyWindow after) {
        return new Uniques(confirmed + change(before.confirmed(), after.confirmed()),
                provisional + change(before.provisional(), after.provisional()),
                total + change(before.total(), after.total()));
    }

    private static int change(Figures before, Figures after) {
        return (after.isEmpty() ? 0 : 1) - (before.isEmpty() ? 0 : 1);
    }
}
