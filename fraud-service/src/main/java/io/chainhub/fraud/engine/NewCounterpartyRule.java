package io.chainhub.fraud.engine;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chainhub.fraud.rule.RuleConfig;

/**
 * An address with an established history (at least {@code minHistory} known counterparties) sends at
 * least {@code threshold.<token>} to an address it never dealt with.
 */
public record NewCounterpartyRule() implements Rule {

    public static final String ID = "new-counterparty";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Hit> evaluate(RuleConfig config, RuleContext context) {
        Leg leg = context.leg();
        if (leg.direction() != Direction.OUT || leg.counterparty() == null) {
            return Optional.empty();
        }
        Optional<BigInteger> threshold = config.amount("threshold", leg.token(), leg.decimals());
        if (threshold.isEmpty() || context.value().compareTo(threshold.get()) < 0) {
            return Optional.empty();
        }
        // the store lookup last: most legs are below the threshold
        if (context.before().counterpartyCount() < config.number("minHistory", 3)
                || context.counterparties().knows(leg.counterparty())) {
            return Optional.empty();
        }
        return Optional.of(new Hit(config, leg, "First transfer to " + leg.counterparty() + " is "
                + Amounts.display(context.value(), leg), List.of(leg.eventId()),
                Map.of("counterparty", leg.counterparty(), "amount", leg.amount(),
                        "threshold", threshold.get().toString())));
    }
}
