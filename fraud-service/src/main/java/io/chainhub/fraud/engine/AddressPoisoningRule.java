package io.chainhub.fraud.engine;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chainhub.fraud.rule.RuleConfig;

/**
 * A zero-value or dust transfer (at most {@code dust.<token>}, default 0) between the victim and an
 * address that shares the first {@code prefixChars} and last {@code suffixChars} hex characters with a
 * different counterparty the victim dealt with within {@code lookback}: the look-alike hopes to be copied
 * from the victim's history. The alert is about the victim.
 */
public record AddressPoisoningRule() implements Rule {

    public static final String ID = "address-poisoning";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Hit> evaluate(RuleConfig config, RuleContext context) {
        Leg leg = context.leg();
        String suspect = leg.counterparty();
        if (suspect == null || !isDust(config, leg, context.value())) {
            return Optional.empty();
        }
        int prefix = (int) config.number("prefixChars", 4);
        int suffix = (int) config.number("suffixChars", 4);
        long since = leg.time() - lookbackSeconds(config);
        // look-alikes share the first prefixChars hex digits: a prefix lookup, not a scan of every counterparty
        return context.counterparties().startingWith(suspect.substring(0, Math.min(suspect.length(), 2 + prefix)))
                .stream()
                .filter(c -> c.lastSeen() >= since && !c.address().equals(suspect))
                .map(Counterparties.Counterparty::address)
                .filter(known -> lookAlike(known, suspect, prefix, suffix))
                .findFirst()
                .map(known -> new Hit(config, leg, "Possible address poisoning: " + suspect + " looks like "
                        + known + " (" + (leg.direction() == Direction.IN ? "dust from it" : "zero-value to it") + ")",
                        List.of(leg.eventId()), Map.of("lookAlike", suspect, "genuine", known,
                                "amount", leg.amount())));
    }

    /** How far back a counterparty counts as recent; the counterparty store keeps at least this much. */
    public static long lookbackSeconds(RuleConfig config) {
        return config.duration("lookback", Duration.ofDays(30)).toSeconds();
    }

    static boolean isDust(RuleConfig config, Leg leg, BigInteger value) {
        BigInteger dust = config.amount("dust", leg.token(), leg.decimals()).orElse(BigInteger.ZERO);
        return value.compareTo(dust) <= 0;
    }

    static boolean lookAlike(String a, String b, int prefix, int suffix) {
        String x = a.substring(2);
        String y = b.substring(2);
        return x.regionMatches(true, 0, y, 0, prefix)
                && x.regionMatches(true, x.length() - suffix, y, y.length() - suffix, suffix);
    }
}
