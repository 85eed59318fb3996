package io.chainhub.saga.fault;

import org.springframework.stereotype.Component;

/** The production hook: never fails. A test context replaces it with an armed one ({@code @Primary}). */
@Component
class NoStepFaults implements StepFaults {

    @Override
    public void reached(StepBoundary boundary, String subject) {
        // nothing: production code pays one inlined call per boundary
    }
}
