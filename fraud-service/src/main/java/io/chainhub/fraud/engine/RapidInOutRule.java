package io.chainhub.fraud.engine;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chainhub.fraud.rule.RuleConfig;

/**
 * Pass-through behaviour: within {@code window}, the address sent out at least {@code ratioPercent} of
 * what it received of one token (received at least {@code minInbound.<token>} when set).
 */
public record RapidInOutRule() implements Rule {

    public static final String ID = "rapid-in-out";

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
        long window = config.duration("window", Duration.ofMinutes(30)).toSeconds();
        List<Leg> ins = context.before().window(leg.time(), window, Direction.IN, leg.token());
        BigInteger received = AddressHistory.sum(ins);
        BigInteger minInbound = config.amount("minInbound", leg.token(), leg.decimals()).orElse(BigInteger.ONE);
        if (received.signum() == 0 || received.compareTo(minInbound) < 0) {
            return Optional.empty();
        }
        List<Leg> outs = new ArrayList<>(context.before().window(leg.time(), window, Direction.OUT, leg.token()));
        outs.add(leg);
        BigInteger sent = AddressHistory.sum(outs);
        long ratio = config.number("ratioPercent", 80);
        if (sent.multiply(BigInteger.valueOf(100)).compareTo(received.multiply(BigInteger.valueOf(ratio))) < 0) {
            return Optional.empty();
        }
        List<Leg> all = new ArrayList<>(ins);
        all.addAll(outs);
        return Optional.of(new Hit(config, leg, "Forwarded " + Amounts.display(sent, leg) + " of "
                + Amounts.display(received, leg) + " received within " + window + " s", VelocityRule.ids(all),
                Map.of("received", received.toString(), "sent", sent.toString(),
                        "ratioPercent", Long.toString(ratio), "windowSeconds", Long.toString(window))));
    }
}
