package io.chainhub.fraud.rule;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
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
