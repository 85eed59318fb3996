package io.chainhub.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.chainhub.analytics.AnalyticsProperties;
import org.junit.jupiter.api.Test;

class AnswerCacheTest {

    private final AtomicInteger computed = new AtomicInteger();

    @Test
    void shouldReuseTheAnswerWhenTheSameQueryRepeatsWithinTheTtl() {
        AnswerCache cache = new AnswerCache(withTtl(Duration.ofMinutes(1)));

        cache.get("q", computed::incrementAndGet);
        Integer second = cache.get("q", computed::incrementAndGet);

        assertThat(second).isEqualTo(1);
        assertThat(computed).hasValue(1);
    }

    @Test
    void shouldComputeAgainWhenTheQueryDiffers() {
        AnswerCache cache = new AnswerCache(withTtl(Duration.ofMinutes(1)));

        cache.get("q1", computed::incrementAndGet);
        cache.get("q2", computed::incrementAndGet);

        assertThat(computed).hasValue(2);
    }

    @Test
    void shouldAlwaysComputeWhenTheTtlIsZero() {
        AnswerCache cache = new AnswerCache(withTtl(Duration.ZERO));

        cache.get("q", computed::incrementAndGet);
        cache.get("q", computed::incrementAndGet);

        assertThat(computed).hasValue(2);
    }

    @Test
    void shouldNotKeepAFailureWhenTheSameQueryComesAgain() {
        AnswerCache cache = new AnswerCache(withTtl(Duration.ofMinutes(1)));

        assertThatThrownBy(() -> cache.get("q", () -> {
            throw new IllegalStateException("stores rebalancing");
        })).isInstanceOf(IllegalStateException.class);
        Integer answer = cache.get("q", computed::incrementAndGet);

        assertThat(answer).isEqualTo(1);
    }

    private static AnalyticsProperties withTtl(Duration ttl) {
        AnalyticsProperties d = AnalyticsProperties.defaults();
        return new AnalyticsProperties(d.grace(), d.minuteRetention(), d.hourRetention(), d.dayRetention(),
                d.ledgerRetention(), d.largeTransferMin(), d.rollupInterval(), d.advertisedHost(),
                d.partyBatchesInMemory(), ttl);
    }
}
