package io.chainhub.listener.ingest;

import java.util.List;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of {@code /actuator/health/readiness} (application.yml): ready once every chain's follower knows where it
 * follows from (its checkpoint, or on a fresh start the block it starts at). Before that, a fresh start pins the
 * head of that later moment, so a transfer made as soon as the listener said "ready" could fall before it and
 * never be published. `./chainhub up` and its tests wait on readiness.
 */
@Component("followers")
class FollowerReadiness implements HealthIndicator {

    private final ChainFollowers followers;

    FollowerReadiness(ChainFollowers followers) {
        this.followers = followers;
    }

    @Override
    public Health health() {
        List<Long> waiting = followers.statuses().entrySet().stream()
                .filter(chain -> !chain.getValue().isFollowing())
                .map(Map.Entry::getKey)
                .toList();
        return waiting.isEmpty() ? Health.up().build()
                : Health.outOfService().withDetail("chainsNotYetFollowing", waiting).build();
    }
}
