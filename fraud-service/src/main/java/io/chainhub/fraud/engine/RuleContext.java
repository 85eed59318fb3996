package io.chainhub.fraud.engine;

import java.math.BigInteger;

import io.chainhub.fraud.rule.RuleSet;
import io.chainhub.fraud.watchlist.Watchlists;

/**
 * What a rule sees: the leg being evaluated, the address's history and counterparties before it, every
 * rule's configuration (structuring reads the large-transfer threshold) and the lists.
 *
 * @param value the leg's amount, parsed once for all the rules that compare it
 */
public record RuleContext(Leg leg, BigInteger value, AddressHistory before, Counterparties counterparties,
        RuleSet rules, Watchlists lists) {

    public RuleContext(Leg leg, AddressHistory before, Counterparties counterparties, RuleSet rules,
            Watchlists lists) {
        this(leg, leg.value(), before, counterparties, rules, lists);
    }
}
