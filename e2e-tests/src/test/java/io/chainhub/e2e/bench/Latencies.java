package io.chainhub.e2e.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Durations from a start to an end instant, summarised as the benchmark prints them. */
record Latencies(List<Duration> sorted) {

    static Latencies between(List<Instant> starts, List<Instant> ends) {
        if (starts.size() != ends.size()) {
            throw new IllegalArgumentException(starts.size() + " starts, " + ends.size() + " ends");
        }
        return new Latencies(java.util.stream.IntStream.range(0, starts.size())
                .mapToObj(i -> Duration.between(starts.get(i), ends.get(i))).sorted().toList());
    }

    /** Nearest-rank percentile, in seconds. */
    double seconds(int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.clamp(rank - 1, 0, sorted.size() - 1)).toMillis() / 1000.0;
    }

    @Override
    public String toString() {
        return "p50 %.2f s / p99 %.2f s / max %.2f s".formatted(seconds(50), seconds(99), seconds(100));
    }
}
