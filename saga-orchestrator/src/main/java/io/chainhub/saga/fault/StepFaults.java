package io.chainhub.saga.fault;

/**
 * Fault injection at {@link StepBoundary step boundaries}, for tests that prove a failure between
 * two steps never applies a step twice nor loses one. Production runs {@link NoStepFaults}: a call
 * that does nothing and is inlined away. A test arms its own implementation, which throws where
 * it was told to; the throw must behave like a crash at that point (nothing catches it to carry on).
 */
public interface StepFaults {

    /**
     * Called when a step reaches {@code boundary}; may throw to fail the surrounding transaction.
     *
     * @param subject what the step was about (saga id, message id), for the test's bookkeeping
     */
    void reached(StepBoundary boundary, String subject);
}
