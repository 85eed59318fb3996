package io.chainhub.fraud.engine;

import io.chainhub.fraud.rule.RuleSet;
import io.chainhub.fraud.watchlist.Watchlists;

/**
 * What a rule sees: the leg being evaluated, the address's history and counterparties before it, every
 * rule's configuration (structuring reads the large-transfer threshold) and the lists.
 */
public record RuleContext(Leg leg, AddressHistory before, Counterparties counterparties, RuleSet rules,
        Watchlists lists) {
}
