package io.chainhub.analytics.aggregate;

import java.math.BigInteger;

/**
 * Transfer count and volume (integer base units) of one finality class.
 */
public record Figures(long transfers, BigInteger volume) {

    public static final Figures ZERO = new Figures(0, BigInteger.ZERO);

    public Figures {
        volume = volume == null ? BigInteger.ZERO : volume;
    }

    /** Adds ({@code sign} +1) or takes back (-1) one transfer of {@code value}. */
    public Figures apply(int sign, BigInteger value) {
        return new Figures(transfers + sign, sign > 0 ? volume.add(value) : volume.subtract(value));
    }

    public Figures plus(Figures other) {
        return new Figures(transfers + other.transfers, volume.add(other.volume));
    }

    public boolean isEmpty() {
        return transfers == 0;
    }
}
