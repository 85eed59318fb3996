package io.chainhub.fraud.rule;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An immutable snapshot of every rule's current configuration, as the topology reads it per record. */
public record RuleSet(Map<String, RuleConfig> byId) {

    public RuleSet {
        byId = Map.copyOf(byId);
    }

    public static RuleSet of(Collection<RuleConfig> configs) {
        return new RuleSet(configs.stream().collect(Collectors.toMap(RuleConfig::ruleId, Function.identity())));
    }

    public Optional<RuleConfig> get(String ruleId) {
        return Optional.ofNullable(byId.get(ruleId));
    }

    public RuleSet with(RuleConfig config) {
        var copy = new java.util.HashMap<>(byId);
        copy.put(config.ruleId(), config);
        return new RuleSet(copy);
    }
}
