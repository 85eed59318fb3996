package io.chainhub.fraud.engine;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Human-readable amounts for summaries; the details keep base units. */
final class Amounts {

    private Amounts() {
    }

    static String display(BigInteger baseUnits, Leg leg) {
        String symbol = leg.symbol() != null ? leg.symbol() : leg.token().equals(Leg.NATIVE) ? "native" : leg.token();
        if (leg.decimals() == null) {
            return baseUnits + " base units of " + symbol;
        }
        return new BigDecimal(baseUnits, leg.decimals()).stripTrailingZeros().toPlainString() + " " + symbol;
    }
}
