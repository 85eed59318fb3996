package io.chainhub.listener;

import io.chainhub.testsupport.ChainHubIntegrationTest;
import io.chainhub.testsupport.ServiceContractTests;

/** The platform's promises (auth, problem+json, OpenAPI, health, metrics) for the listener-service. */
@ChainHubIntegrationTest
class ListenerApplicationIT extends ServiceContractTests {

    ListenerApplicationIT() {
        super("listener-service", "/api/chains", "\"chainId\":31337");
    }
}
