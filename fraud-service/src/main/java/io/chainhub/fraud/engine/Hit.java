package io.chainhub.fraud.engine;

import java.util.List;
import java.util.Map;

import io.chainhub.fraud.rule.RuleConfig;

/**
 * A rule matched a leg.
 *
 * @param eventIds the transfers that together made the rule fire (the triggering one last)
 * @param details  figures behind the decision (threshold, window, amounts as decimal strings)
 */
public record Hit(RuleConfig rule, Leg leg, String summary, List<String> eventIds, Map<String, String> details) {

    public Hit {
        eventIds = List.copyOf(eventIds);
        details = Map.copyOf(details);
    }
}
