package io.chainhub.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final List<Duration> SVIX = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

    @Test
    void shouldFollowScheduleWhenNoJitter() {
        RetrySchedule schedule = new RetrySchedule(SVIX, 0, Duration.ofHours(1), () -> 0.5);

        assertThat(schedule.next(1, null)).contains(Duration.ofSeconds(5));
        assertThat(schedule.next(2, null)).contains(Duration.ofMinutes(5));
        assertThat(schedule.next(7, null)).contains(Duration.ofHours(10));
    }

    @Test
    void shouldGiveUpWhenScheduleExhausted() {
        RetrySchedule schedule = new RetrySchedule(SVIX, 0.2, Duration.ofHours(1), Math::random);

        assertThat(schedule.maxAttempts()).isEqualTo(8);
        assertThat(schedule.next(8, null)).isEmpty();
    }

    @Test
    void shouldStayWithinJitterBoundsWhenRandomIsExtreme() {
        RetrySchedule low = new RetrySchedule(SVIX, 0.2, Duration.ofHours(1), () -> 0.0);
        RetrySchedule high = new RetrySchedule(SVIX, 0.2, Duration.ofHours(1), () -> 0.999999);

        assertThat(low.next(2, null)).contains(Duration.ofMinutes(4));
        assertThat(high.next(2, null).orElseThrow()).isBetween(Duration.ofMinutes(6).minusMillis(1), Duration.ofMinutes(6));
    }

    @Test
    void shouldWaitAtLeastRetryAfterWhenLongerThanSchedule() {
        RetrySchedule schedule = new RetrySchedule(SVIX, 0, Duration.ofHours(1), () -> 0.5);

        assertThat(schedule.next(1, Duration.ofSeconds(42))).contains(Duration.ofSeconds(42));
        assertThat(schedule.next(2, Duration.ofSeconds(42))).contains(Duration.ofMinutes(5));
    }

    @Test
    void shouldCapRetryAfterWhenAbsurd() {
        RetrySchedule schedule = new RetrySchedule(SVIX, 0, Duration.ofHours(1), () -> 0.5);

        assertThat(schedule.next(1, Duration.ofDays(30))).contains(Duration.ofHours(1));
    }
}
