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

    private static final List<String> WINDOWED = List.of(VelocityRule.ID, StructuringRule.ID, RapidInOutRule.ID);

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

    /** What one leg did: the hits of every ACTIVE or SHADOW rule, and the address's history after it. */
    public record Outcome(List<Hit> hits, AddressHistory after) {
    }

    /**
     * Evaluates every rule on {@code leg} against the state before it, then remembers the leg. One context for both,
     * so the amount is parsed once per leg.
     */
    public static Outcome apply(Leg leg, AddressHistory before, Counterparties counterparties, RuleSet rules,
            Watchlists lists) {
        RuleContext context = new RuleContext(leg, before, counterparties, rules, lists);
        List<Hit> hits = new ArrayList<>();
        for (Rule rule : ALL) {
            RuleConfig config = rules.byId().get(rule.id());
            if (config != null && config.mode() != RuleMode.DISABLED) {
                rule.evaluate(config, context).ifPresent(hits::add);
            }
        }
        return new Outcome(hits, remember(context));
    }

    /** How far back the sliding-window rules look: the history keeps legs that long. */
    public static long retentionSeconds(RuleSet rules) {
        long max = Duration.ofHours(1).toSeconds();
        for (String id : WINDOWED) {
            RuleConfig config = rules.byId().get(id);
            if (config != null) {
                max = Math.max(max, config.duration("window", Duration.ZERO).toSeconds());
            }
        }
        return max;
    }

    /**
     * The address's state after the context's leg (evaluated before, against the state before it). Dust legs do not
     * make their counterparty a known one: that is what address poisoning relies on.
     */
    private static AddressHistory remember(RuleContext context) {
        Leg leg = context.leg();
        RuleConfig poisoning = context.rules().byId().get(AddressPoisoningRule.ID);
        boolean dust = poisoning != null && AddressPoisoningRule.isDust(poisoning, leg, context.value());
        boolean newCounterparty = AddressHistory.remembersCounterparty(leg, dust)
                && context.counterparties().remember(leg.counterparty(), leg.time());
        return context.before().with(leg, context.value(), retentionSeconds(context.rules()), dust, newCounterparty);
    }
}
