package io.chainhub.saga.it;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every withdrawal IT starts from: a client of the running orchestrator, a custody helper on it,
 * the test participants answering screening and chain commands, and the test policy active.
 */
abstract class WithdrawalScenarioSupport {

    @LocalServerPort
    int port;

    SagaApi api;
    Custody custody;

    @BeforeEach
    void startWithdrawalScenario() {
        api = new SagaApi(port);
        custody = new Custody(api);
        TestParticipants.start();
        TestPolicy.ensure(api);
    }
}
