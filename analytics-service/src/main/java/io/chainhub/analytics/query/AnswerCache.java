package io.chainhub.analytics.query;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.chainhub.analytics.AnalyticsProperties;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's answers for {@code chainhub.analytics.answer-ttl} (default 1 s; 0 turns it
 * off), keyed by the query exactly as asked. A dashboard polls the same few queries, and the stores
 * change at most once per Streams commit (200 ms) anyway; at 200 queries/s over a few tokens most
 * queries repeat within a second. An answer carries the {@link Completeness} read with its figures,
 * so a cached answer still says truthfully up to which block it is complete. Failures (bad input,
 * stores unavailable) are not kept.
 */
@Component
class AnswerCache {

    private static final int MAX_ANSWERS = 10_000;

    private final Cache<Object, Object> answers;

    AnswerCache(AnalyticsProperties properties) {
        Duration ttl = properties.answerTtl();
        this.answers = ttl.isZero() || ttl.isNegative() ? null
                : Caffeine.newBuilder().maximumSize(MAX_ANSWERS).expireAfterWrite(ttl).build();
    }

    /** The kept answer to {@code query}, or a fresh one from {@code answer} (computed once for concurrent askers). */
    @SuppressWarnings("unchecked")
    <T> T get(Object query, Supplier<T> answer) {
        return answers == null ? answer.get() : (T) answers.get(query, ignored -> answer.get());
    }
}
