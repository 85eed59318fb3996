package io.chainhub.analytics.query;

import java.time.Instant;

import io.chainhub.analytics.WindowSpec;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A query's window width and time range, validated: at most {@link #MAX_BUCKETS} windows. */
record TimeRange(WindowSpec spec, Instant from, Instant to) {

    static final int MAX_BUCKETS = 2000;
    static final int DEFAULT_BUCKETS = 60;

    static WindowSpec window(String label) {
        try {
            return WindowSpec.parse(label);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    /** Defaults: {@code to} = the later of now and the chain's newest block, {@code from} = 60 windows earlier. */
    static TimeRange of(String window, Instant from, Instant to, Completeness completeness) {
        WindowSpec spec = window(window);
        Instant newest = completeness.completeThroughTime();
        Instant end = to != null ? to : (newest != null && newest.isAfter(Instant.now()) ? newest : Instant.now());
        Instant start = from != null ? from : end.minus(spec.size().multipliedBy(DEFAULT_BUCKETS));
        if (!start.isBefore(end)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must be before to");
        }
        if (spec.size().multipliedBy(MAX_BUCKETS).compareTo(java.time.Duration.between(start, end)) < 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "at most " + MAX_BUCKETS + " windows of " + spec.label() + " per query; narrow from/to or widen window");
        }
        return new TimeRange(spec, start, end);
    }

    /** Start of the window containing {@code at}. */
    static Instant windowStart(WindowSpec spec, Instant at) {
        long size = spec.size().toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), size) * size);
    }

    /** Windows whose start lies in [fromInstant(), to] overlap the range. */
    Instant fromInstant() {
        return windowStart(spec, from);
    }
}
