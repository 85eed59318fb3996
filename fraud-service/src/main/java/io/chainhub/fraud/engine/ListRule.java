package io.chainhub.fraud.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.chainhub.fraud.rule.RuleConfig;

/**
 * A transfer from or to an address on one of the rule's {@code lists} (comma-separated list names). The
 * alert is about the address that dealt with the listed one. Serves both the watchlist/sanctions rule and
 * the mixer rule, which differ only in their lists and wording.
 */
public record ListRule(String id, String defaultLists, String what) implements Rule {

    public static final String WATCHLIST = "watchlist";
    public static final String MIXER = "mixer";

    public static ListRule watchlist() {
        return new ListRule(WATCHLIST, "sanctions,watchlist", "a listed address");
    }

    public static ListRule mixer() {
        return new ListRule(MIXER, "mixers", "a mixer");
    }

    @Override
    public Optional<Hit> evaluate(RuleConfig config, RuleContext context) {
        Leg leg = context.leg();
        Set<String> lists = config.list("lists");
        Set<String> matched = context.lists().matching(leg.counterparty(),
                lists.isEmpty() ? Set.of(defaultLists.split(",")) : lists);
        if (matched.isEmpty()) {
            return Optional.empty();
        }
        String names = String.join(",", new TreeSet<>(matched));
        String verb = leg.direction() == Direction.OUT ? "Sent " + Amounts.display(context.value(), leg) + " to "
                : "Received " + Amounts.display(context.value(), leg) + " from ";
        return Optional.of(new Hit(config, leg, verb + what + " " + leg.counterparty() + " (" + names + ")",
                List.of(leg.eventId()), Map.of("counterparty", leg.counterparty(), "lists", names,
                        "direction", leg.direction().name(), "amount", leg.amount())));
    }
}
