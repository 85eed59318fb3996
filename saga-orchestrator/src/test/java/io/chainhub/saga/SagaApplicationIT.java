package io.chainhub.saga;

import io.chainhub.testsupport.ChainHubIntegrationTest;
import io.chainhub.testsupport.ServiceContractTests;

/** The platform's promises (auth, problem+json, OpenAPI, health, metrics) for the saga-orchestrator. */
@ChainHubIntegrationTest
class SagaApplicationIT extends ServiceContractTests {

    SagaApplicationIT() {
        super("saga-orchestrator", "/api/accounts", "[");
    }
}
