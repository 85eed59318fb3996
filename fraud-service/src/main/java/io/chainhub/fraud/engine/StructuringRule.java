package io.chainhub.fraud.engine;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chainhub.fraud.rule.RuleConfig;

/**
 * At least {@code minCount} outgoing transfers of one token within {@code window}, each just below the
 * large-transfer threshold (within {@code marginPercent} under it), the current one included: splitting
 * a large amount to stay under the radar.
 */
public record StructuringRule() implements Rule {

    public static final String ID = "structuring";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Hit> evaluate(RuleConfig config, RuleContext context) {
        Leg leg = context.leg();
        if (leg.direction() != Direction.OUT) {
            return Optional.empty();
        }
        Optional<BigInteger> threshold = context.rules().get(LargeTransferRule.ID)
                .flatMap(large -> large.amount("threshold", leg.token(), leg.decimals()));
        if (threshold.isEmpty()) {
            return Optional.empty();
        }
        BigInteger lower = threshold.get().multiply(BigInteger.valueOf(100 - config.number("marginPercent", 10)))
                .divide(BigInteger.valueOf(100));
        if (!inBand(context.value(), lower, threshold.get())) {
            return Optional.empty();
        }
        long window = config.duration("window", Duration.ofHours(1)).toSeconds();
        List<Leg> band = new ArrayList<>(context.before().window(leg.time(), window, Direction.OUT, leg.token())
                .stream().filter(l -> inBand(l.value(), lower, threshold.get())).toList());
        band.add(leg);
        long minCount = config.number("minCount", 3);
        if (band.size() < minCount) {
            return Optional.empty();
        }
        return Optional.of(new Hit(config, leg, band.size() + " transfers just below "
                + Amounts.display(threshold.get(), leg) + " within " + window + " s", VelocityRule.ids(band),
                Map.of("count", Integer.toString(band.size()), "threshold", threshold.get().toString(),
                        "lowerBound", lower.toString(), "windowSeconds", Long.toString(window),
                        "total", AddressHistory.sum(band).toString())));
    }

    private static boolean inBand(BigInteger value, BigInteger lower, BigInteger threshold) {
        return value.compareTo(lower) >= 0 && value.compareTo(threshold) < 0;
    }
}
