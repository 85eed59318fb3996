package io.chainhub.fraud.engine;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import io.chainhub.fraud.rule.RuleConfig;

/**
 * An outgoing transfer at or above the token's threshold ({@code threshold.<token>} in base units, or
 * {@code threshold.default} in whole tokens) and, when {@code typicalMultiple} is set and the address has
 * at least {@code typicalMinSamples} earlier outgoing transfers of the token, at least that multiple of
 * its mean outgoing size.
 */
public record LargeTransferRule() implements Rule {

    public static final String ID = "large-transfer";

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
        Optional<BigInteger> threshold = config.amount("threshold", leg.token(), leg.decimals());
        BigInteger value = context.value();
        if (threshold.isEmpty() || value.compareTo(threshold.get()) < 0) {
            return Optional.empty();
        }
        var details = new LinkedHashMap<String, String>();
        details.put("amount", value.toString());
        details.put("threshold", threshold.get().toString());
        long multiple = config.number("typicalMultiple", 0);
        AddressHistory.Typical typical = context.before().typical().get(leg.token());
        if (multiple > 0 && typical != null && typical.samples() >= config.number("typicalMinSamples", 5)) {
            BigInteger bar = typical.mean().multiply(BigInteger.valueOf(multiple));
            if (value.compareTo(bar) < 0) {
                return Optional.empty();
            }
            details.put("typicalSize", typical.mean().toString());
            details.put("typicalMultiple", Long.toString(multiple));
        }
        return Optional.of(new Hit(config, leg, "Large transfer of " + Amounts.display(value, leg) + " (threshold "
                + Amounts.display(threshold.get(), leg) + ") to " + leg.counterparty(), List.of(leg.eventId()), details));
    }
}
