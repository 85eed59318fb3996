package io.chainhub.fraud.rule;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.chainhub.events.fraud.AlertSeverity;

/**
 * One version of one rule's configuration. Parameters are strings so that every rule shares one
 * storage and REST shape; each rule documents and parses its own (README, "Rules").
 *
 * @param parameters amounts in base units as decimal strings, windows as ISO-8601 durations
 */
public record RuleConfig(String ruleId, int version, RuleMode mode, AlertSeverity severity,
        Map<String, String> parameters) {

    /** How long a repeat of this rule on one address updates the open alert instead of raising a new one. */
    public static final Duration DEFAULT_DEDUP_WINDOW = Duration.ofHours(1);

    public RuleConfig {
        parameters = Map.copyOf(parameters == null ? Map.of() : parameters);
    }

    public RuleConfig withMode(RuleMode newMode) {
        return new RuleConfig(ruleId, version, newMode, severity, parameters);
    }

    public RuleConfig withParameters(Map<String, String> changes) {
        Map<String, String> merged = new TreeMap<>(parameters);
        merged.putAll(changes);
        return new RuleConfig(ruleId, version, mode, severity, merged);
    }

    public Optional<String> text(String name) {
        return Optional.ofNullable(parameters.get(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    public long number(String name, long fallback) {
        String text = raw(name);
        return text == null ? fallback : ParsedValues.number(text);
    }

    public Duration duration(String name, Duration fallback) {
        String text = raw(name);
        return text == null ? fallback : ParsedValues.duration(text);
    }

    public Duration dedupWindow() {
        return duration("dedupWindow", DEFAULT_DEDUP_WINDOW);
    }

    public Set<String> list(String name) {
        String text = raw(name);
        return text == null ? Set.of() : ParsedValues.list(text);
    }

    /**
     * A per-token amount: {@code <prefix>.<token>} in base units (token = contract address or
     * {@code native}), else {@code <prefix>.default} in whole tokens scaled by the token's decimals.
     */
    public Optional<BigInteger> amount(String prefix, String tokenKey, Integer decimals) {
        return ParsedValues.amount(parameters, prefix, tokenKey, decimals, () -> resolveAmount(prefix, tokenKey, decimals));
    }

    private Optional<BigInteger> resolveAmount(String prefix, String tokenKey, Integer decimals) {
        String exact = raw(prefix + "." + tokenKey);
        if (exact != null) {
            return Optional.of(ParsedValues.baseUnits(exact));
        }
        String whole = raw(prefix + ".default");
        return whole == null || decimals == null ? Optional.empty()
                : Optional.of(ParsedValues.wholeTokens(whole, decimals));
    }

    /** The trimmed text of a parameter, null when absent or blank (read per leg: no Optional chain). */
    private String raw(String name) {
        String value = parameters.get(name);
        if (value == null) {
            return null;
        }
        value = value.trim();
        return value.isEmpty() ? null : value;
    }
}
