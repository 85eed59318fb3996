package io.chainhub.fraud.rule;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
        return text(name).map(Long::parseLong).orElse(fallback);
    }

    public Duration duration(String name, Duration fallback) {
        return text(name).map(Duration::parse).orElse(fallback);
    }

    public Duration dedupWindow() {
        return duration("dedupWindow", DEFAULT_DEDUP_WINDOW);
    }

    public Set<String> list(String name) {
        return text(name).stream().flatMap(s -> Stream.of(s.split(",")))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * A per-token amount: {@code <prefix>.<token>} in base units (token = contract address or
     * {@code native}), else {@code <prefix>.default} in whole tokens scaled by the token's decimals.
     */
    public Optional<BigInteger> amount(String prefix, String tokenKey, Integer decimals) {
        Optional<BigInteger> exact = text(prefix + "." + tokenKey).map(BigInteger::new);
        if (exact.isPresent()) {
            return exact;
        }
        return text(prefix + ".default").filter(s -> decimals != null)
                .map(whole -> new java.math.BigDecimal(whole).movePointRight(decimals).toBigInteger());
    }
}
