package io.chainhub.fraud;

import io.chainhub.testsupport.ChainHubIntegrationTest;
import io.chainhub.testsupport.ServiceContractTests;

/** The platform's promises (auth, problem+json, OpenAPI, health, metrics) for the fraud-service. */
@ChainHubIntegrationTest
class FraudApplicationIT extends ServiceContractTests {

    FraudApplicationIT() {
        super("fraud-service", "/api/alerts", "[");
    }
}
