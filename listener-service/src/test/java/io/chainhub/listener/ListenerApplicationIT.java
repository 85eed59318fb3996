package io.chainhub.listener;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.chainhub.testsupport.ChainHubIntegrationTest;
import io.chainhub.testsupport.ServiceContractTests;
import io.chainhub.testsupport.TestInfrastructure;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The platform's promises (auth, problem+json, OpenAPI, health, metrics) for the listener-service. */
@ChainHubIntegrationTest
class ListenerApplicationIT extends ServiceContractTests {

    ListenerApplicationIT() {
        super("listener-service", "/api/chains", "\"chainId\":31337");
    }

    /** Readiness waits for the followers (FollowerReadiness): a transfer made after "ready" is published. */
    @Test
    void shouldCountFollowersInReadiness() {
        String viewer = TestInfrastructure.get().tokens().bearer("viewer", "viewer");

        var response = Awaitility.await("ready").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/actuator/health/readiness", viewer), r -> r.getStatusCode() == HttpStatus.OK);

        assertThat(response.getBody()).contains("\"followers\":{\"status\":\"UP\"");
    }
}
