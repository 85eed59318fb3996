package io.chainhub.saga.messaging;

/** A record that can never be processed (unreadable, unknown saga): straight to the dead-letter topic. */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
