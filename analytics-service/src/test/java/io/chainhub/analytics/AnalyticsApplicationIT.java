package io.chainhub.analytics;

import io.chainhub.testsupport.ChainHubIntegrationTest;
import io.chainhub.testsupport.ServiceContractTests;

/** The platform's promises (auth, problem+json, OpenAPI, health, metrics) for the analytics-service. */
@ChainHubIntegrationTest
class AnalyticsApplicationIT extends ServiceContractTests {

    AnalyticsApplicationIT() {
        super("analytics-service", "/api/stats/summary", "\"bucketSeconds\":");
    }
}
