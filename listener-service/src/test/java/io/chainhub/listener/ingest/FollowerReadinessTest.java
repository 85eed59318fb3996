package io.chainhub.listener.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** Not ready while any chain's follower has not yet pinned where it follows from. */
class FollowerReadinessTest {

    private final Map<Long, ChainStatus> statuses = new LinkedHashMap<>();
    private final ChainFollowers followers = mock(ChainFollowers.class);
    private final FollowerReadiness readiness = new FollowerReadiness(followers);

    @Test
    void shouldBeOutOfServiceUntilEveryFollowerFollows() {
        when(followers.statuses()).thenReturn(statuses);
        statuses.put(1L, new ChainStatus());
        statuses.put(31337L, new ChainStatus());
        statuses.get(1L).following();

        assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(readiness.health().getDetails()).containsEntry("chainsNotYetFollowing", java.util.List.of(31337L));

        statuses.get(31337L).following();

        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
    }
}
