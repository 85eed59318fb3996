package io.chainhub.fraud.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chainhub.events.fraud.AlertSeverity;
import io.chainhub.fraud.rule.RuleConfig;
import io.chainhub.fraud.rule.RuleMode;
import io.chainhub.fraud.rule.RuleSet;
import io.chainhub.fraud.watchlist.Watchlists;

/** Every rule, in order of value, with its version-1 defaults, and the evaluation of all of them. */
public final class Rules {

    public static final List<Rule> ALL = List.of(new LargeTransferRule(), new VelocityRule(), new StructuringRule(),
            ListRule.watchlist(), ListRule.mixer(), new AddressPoisoningRule(), new RapidInOutRule(),
            new NewCounterpartyRule());

    private static final String ETH_100 = "100000000000000000000";

    /** Version 1 of each rule, as seeded into an empty database. */
    public static final RuleSet DEFAULTS = RuleSet.of(List.of(
            new RuleConfig(LargeTransferRule.ID, 1, RuleMode.ACTIVE, AlertSeverity.MEDIUM,
                    Map.of("threshold.native", ETH_100, "threshold.default", "1000000", "typicalMultiple", "0",
                            "typicalMinSamples", "5")),
            new RuleConfig(VelocityRule.ID, 1, RuleMode.ACTIVE, AlertSeverity.MEDIUM,
                    Map.of("window", "PT10M", "maxCount", "20")),
            new RuleConfig(StructuringRule.ID, 1, RuleMode.ACTIVE, AlertSeverity.HIGH,
                    Map.of("window", "PT1H", "minCount", "3", "marginPercent", "10")),
            new RuleConfig(ListRule.WATCHLIST, 1, RuleMode.ACTIVE, AlertSeverity.CRITICAL,
                    Map.of("lists", "sanctions,watchlist")),
            new RuleConfig(ListRule.MIXER, 1, RuleMode.ACTIVE, AlertSeverity.HIGH, Map.of("lists", "mixers")),
            new RuleConfig(AddressPoisoningRule.ID, 1, RuleMode.ACTIVE, AlertSeverity.MEDIUM,
                    Map.of("prefixChars", "4", "suffixChars", "4", "lookback", "P30D")),
            new RuleConfig(RapidInOutRule.ID, 1, RuleMode.SHADOW, AlertSeverity.MEDIUM,
                    Map.of("window", "PT30M", "ratioPercent", "80")),
            new RuleConfig(NewCounterpartyRule.ID, 1, RuleMode.SHADOW, AlertSeverity.LOW,
                    Map.of("threshold.native", "10000000000000000000", "threshold.default", "100000",
                            "minHistory", "3"))));

    private Rules() {
    }

    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Hits of every ACTIVE or SHADOW rule on {@code leg}. */
    public static List<Hit> evaluate(Leg leg, AddressHistory before, Counterparties counterparties, RuleSet rules,
            Watchlists lists) {
        RuleContext context = new RuleContext(leg, before, counterparties, rules, lists);
        List<Hit> hits = new ArrayList<>();
        for (Rule rule : ALL) {
            rules.get(rule.id()).filter(c -> c.mode() != RuleMode.DISABLED)
                    .flatMap(config -> rule.evaluate(config, context))
                    .ifPresent(hits::add);
        }
        return hits;
    }

    /** How far back the sliding-window rules look: the history keeps legs that long. */
    public static long retentionSeconds(RuleSet rules) {
        long max = Duration.ofHours(1).toSeconds();
        for (String id : List.of(VelocityRule.ID, StructuringRule.ID, RapidInOutRule.ID)) {
            max = Math.max(max, rules.get(id).map(c -> c.duration("window", Duration.ZERO).toSeconds()).orElse(0L));
        }
        return max;
    }

    /**
     * The address's state after {@code leg} (evaluated before, against the state before it). Dust legs do not
     * make their counterparty a known one: that is what address poisoning relies on.
     */
    public static AddressHistory remember(Leg leg, AddressHistory before, Counterparties counterparties,
            RuleSet rules) {
        boolean dust = isDust(leg, rules);
        boolean newCounterparty = AddressHistory.remembersCounterparty(leg, dust)
                && counterparties.remember(leg.counterparty(), leg.time());
        return before.with(leg, retentionSeconds(rules), dust, newCounterparty);
    }

    /** Whether the leg is dust for the poisoning rule (dust does not make a known counterparty). */
    public static boolean isDust(Leg leg, RuleSet rules) {
        return rules.get(AddressPoisoningRule.ID).map(c -> AddressPoisoningRule.isDust(c, leg, leg.value())).orElse(false);
    }
}
