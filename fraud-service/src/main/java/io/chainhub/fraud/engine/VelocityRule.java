package io.chainhub.fraud.engine;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chainhub.fraud.rule.RuleConfig;

/**
 * More than {@code maxCount} outgoing transfers (any token), or more than {@code maxAmount.<token>} of
 * one token, out of one address within the sliding {@code window} ending at this transfer.
 */
public record VelocityRule() implements Rule {

    public static final String ID = "velocity";

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
        long window = config.duration("window", Duration.ofMinutes(10)).toSeconds();
        List<Leg> outs = new ArrayList<>(context.before().window(leg.time(), window, Direction.OUT, null));
        outs.add(leg);
        long maxCount = config.number("maxCount", 10);
        if (outs.size() > maxCount) {
            return Optional.of(new Hit(config, leg, outs.size() + " outgoing transfers within " + window
                    + " s (more than " + maxCount + ")", ids(outs), Map.of("count", Integer.toString(outs.size()),
                    "maxCount", Long.toString(maxCount), "windowSeconds", Long.toString(window))));
        }
        Optional<BigInteger> maxAmount = config.amount("maxAmount", leg.token(), leg.decimals());
        if (maxAmount.isEmpty()) {
            return Optional.empty(); // no amount limit for this token (the default): nothing to add up
        }
        List<Leg> sameToken = outs.stream().filter(l -> l.token().equals(leg.token())).toList();
        BigInteger total = AddressHistory.sum(sameToken);
        if (total.compareTo(maxAmount.get()) > 0) {
            return Optional.of(new Hit(config, leg, Amounts.display(total, leg) + " out within " + window
                    + " s (more than " + Amounts.display(maxAmount.get(), leg) + ")", ids(sameToken),
                    Map.of("amount", total.toString(), "maxAmount", maxAmount.get().toString(),
                            "windowSeconds", Long.toString(window))));
        }
        return Optional.empty();
    }

    static List<String> ids(List<Leg> legs) {
        return legs.stream().map(Leg::eventId).distinct().toList();
    }
}
