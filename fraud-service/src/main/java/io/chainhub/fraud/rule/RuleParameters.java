package io.chainhub.fraud.rule;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks parameters before they are stored, so that a typo is a 400 now rather than a rule that
 * silently never fires. The kind of a parameter follows from its name.
 */
public final class RuleParameters {

    private static final Pattern AMOUNT_KEY = Pattern.compile(
            "^(threshold|maxAmount|dust|minInbound)\\.(native|default|0x[0-9a-f]{40})$");
    private static final List<String> DURATIONS = List.of("window", "lookback", "dedupWindow");
    private static final List<String> NUMBERS = List.of("maxCount", "minCount", "marginPercent", "typicalMultiple",
            "typicalMinSamples", "prefixChars", "suffixChars", "ratioPercent", "minHistory");
    private static final Pattern LISTS = Pattern.compile("^[a-z0-9][a-z0-9-]*(,[a-z0-9][a-z0-9-]*)*$");

    private RuleParameters() {
    }

    /** Empty when valid; otherwise one message per bad parameter. */
    public static List<String> problems(Map<String, String> parameters) {
        List<String> problems = new ArrayList<>();
        parameters.forEach((key, value) -> {
            String problem = problem(key, value == null ? "" : value.trim());
            if (problem != null) {
                problems.add(key + ": " + problem);
            }
        });
        return problems;
    }

    private static String problem(String key, String value) {
        try {
            var amount = AMOUNT_KEY.matcher(key);
            if (amount.matches()) {
                if (amount.group(2).equals("default")) {
                    return new BigDecimal(value).signum() < 0 ? "must not be negative" : null;
                }
                return new BigInteger(value).signum() < 0 ? "must be base units (a non-negative integer)" : null;
            }
            if (DURATIONS.contains(key)) {
                Duration duration = Duration.parse(value);
                return duration.isNegative() || duration.isZero() ? "must be a positive duration" : null;
            }
            if (NUMBERS.contains(key)) {
                return Long.parseLong(value) < 0 ? "must not be negative" : null;
            }
            if (key.equals("lists")) {
                return LISTS.matcher(value).matches() ? null : "comma-separated list names (a-z, 0-9, -)";
            }
        } catch (RuntimeException e) {
            return "cannot read '" + value + "' (" + e.getClass().getSimpleName() + ")";
        }
        return "unknown parameter; known: threshold.<token>, maxAmount.<token>, dust.<token>, minInbound.<token> "
                + "(token = native, default or a lowercase contract address), " + DURATIONS + ", " + NUMBERS
                + ", lists";
    }
}
