package io.chainhub.saga.fault;

/**
 * What a {@link StepFaults} throws: a crash at a step boundary. Unlike a failure of one record, it
 * is never isolated, retried in place or dead-lettered: it aborts the Kafka transaction as well, so
 * recovery goes through redelivery exactly as after a real crash.
 */
public class SimulatedCrash extends RuntimeException {

    public SimulatedCrash(String message) {
        super(message);
    }
}
