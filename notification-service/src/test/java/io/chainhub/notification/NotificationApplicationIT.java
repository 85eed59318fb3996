package io.chainhub.notification;

import io.chainhub.testsupport.ChainHubIntegrationTest;
import io.chainhub.testsupport.ServiceContractTests;

/** The platform's promises (auth, problem+json, OpenAPI, health, metrics) for the notification-service. */
@ChainHubIntegrationTest
class NotificationApplicationIT extends ServiceContractTests {

    NotificationApplicationIT() {
        super("notification-service", "/api/subscriptions", "[");
    }
}
