package io.chainhub.analytics.query;

import java.math.BigDecimal;
import java.math.BigInteger;

import io.chainhub.analytics.aggregate.Figures;

/**
 * Figures of one finality class as served.
 *
 * @param volume          integer base units, decimal string
 * @param volumeDecimal   {@code volume / 10^decimals} as a decimal string; null when decimals are unknown
 * @param uniqueSenders   distinct senders (exact); null where not computed
 * @param uniqueReceivers distinct receivers (exact); null where not computed
 */
public record Amounts(long transfers, String volume, String volumeDecimal, Long uniqueSenders, Long uniqueReceivers) {

    static Amounts of(Figures figures, Integer decimals, Long uniqueSenders, Long uniqueReceivers) {
        return new Amounts(figures.transfers(), figures.volume().toString(), decimal(figures.volume(), decimals),
                uniqueSenders, uniqueReceivers);
    }

    static String decimal(BigInteger value, Integer decimals) {
        if (decimals == null) {
            return null;
        }
        BigDecimal adjusted = new BigDecimal(value, decimals).stripTrailingZeros();
        return adjusted.signum() == 0 ? "0" : adjusted.toPlainString();
    }
}
