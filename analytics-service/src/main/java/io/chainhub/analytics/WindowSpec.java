package io.chainhub.analytics;

import java.time.Duration;
import java.util.Arrays;

/** The three window widths, with the names used in store names and in the API ({@code window=1h}). */
public enum WindowSpec {
    MINUTE("1m", Duration.ofMinutes(1)),
    HOUR("1h", Duration.ofHours(1)),
    DAY("1d", Duration.ofDays(1));

    private final String label;
    private final Duration size;

    WindowSpec(String label, Duration size) {
        this.label = label;
        this.size = size;
    }

    public String label() {
        return label;
    }

    public Duration size() {
        return size;
    }

    public String tokenStore() {
        return "token-" + label;
    }

    /** Rows logged in batches since the store left Streams' window stores: a new name, so a new changelog. */
    public String partyStore() {
        return "parties-" + label;
    }

    public String chainStore() {
        return "chain-" + label;
    }

    /** Parses {@code 1m}, {@code 1h} or {@code 1d}; anything else is a 400. */
    public static WindowSpec parse(String label) {
        return Arrays.stream(values()).filter(spec -> spec.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "window must be one of 1m, 1h, 1d, not '" + label + "'"));
    }
}
