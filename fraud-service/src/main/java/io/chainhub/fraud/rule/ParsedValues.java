package io.chainhub.fraud.rule;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Parameter texts parsed once: the rules read their configuration on every leg, and parsing durations
 * (a regex), amounts and lists there was a tenth of the rules thread in the benchmark's profile. Keyed by
 * the text itself, so a changed configuration simply brings new keys; a text that does not parse is not
 * cached and throws as before. Configuration texts are few; the bound only guards against pathological use.
 */
final class ParsedValues {

    private static final int MAX_ENTRIES = 10_000;

    private static final Map<String, Duration> DURATIONS = new ConcurrentHashMap<>();
    private static final Map<String, Long> NUMBERS = new ConcurrentHashMap<>();
    private static final Map<String, BigInteger> BASE_UNITS = new ConcurrentHashMap<>();
    private static final Map<String, Set<String>> LISTS = new ConcurrentHashMap<>();
    private static final Map<WholeTokens, BigInteger> SCALED = new ConcurrentHashMap<>();

    private record WholeTokens(String text, int decimals) {
    }

    /**
     * Per-token amounts as {@link RuleConfig#amount} resolves them: up to seven per leg, each built a parameter name
     * ({@code threshold.<token>}), hashed it and fell back to {@code .default}. Keyed by the identity of the
     * configuration's parameters (immutable; a new version is a new map), so an old version's entries simply stop
     * being asked for.
     */
    private static final Map<AmountKey, Optional<BigInteger>> AMOUNTS = new ConcurrentHashMap<>();

    private static final class AmountKey {
        private final Map<String, String> parameters;
        private final String prefix;
        private final String token;
        private final Integer decimals;

        AmountKey(Map<String, String> parameters, String prefix, String token, Integer decimals) {
            this.parameters = parameters;
            this.prefix = prefix;
            this.token = token;
            this.decimals = decimals;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof AmountKey key && key.parameters == parameters && key.prefix.equals(prefix)
                    && Objects.equals(key.token, token) && Objects.equals(key.decimals, decimals);
        }

        @Override
        public int hashCode() {
            return (System.identityHashCode(parameters) * 31 + prefix.hashCode()) * 31 + Objects.hashCode(token);
        }
    }

    private ParsedValues() {
    }

    static Duration duration(String text) {
        return cached(DURATIONS, text, Duration::parse);
    }

    static long number(String text) {
        return cached(NUMBERS, text, Long::parseLong);
    }

    static BigInteger baseUnits(String text) {
        return cached(BASE_UNITS, text, BigInteger::new);
    }

    static BigInteger wholeTokens(String text, int decimals) {
        return cached(SCALED, new WholeTokens(text, decimals),
                key -> new BigDecimal(key.text()).movePointRight(key.decimals()).toBigInteger());
    }

    static Optional<BigInteger> amount(Map<String, String> parameters, String prefix, String token, Integer decimals,
            Supplier<Optional<BigInteger>> resolve) {
        return cached(AMOUNTS, new AmountKey(parameters, prefix, token, decimals), key -> resolve.get());
    }

    static Set<String> list(String text) {
        return cached(LISTS, text, s -> Stream.of(s.split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet()));
    }

    private static <K, V> V cached(Map<K, V> cache, K key, Function<K, V> parse) {
        V value = cache.get(key);
        if (value == null) {
            value = parse.apply(key);
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(key, value);
        }
        return value;
    }
}
