package io.chainhub.notification.ingest;

/** A record that can never be processed (unreadable value): straight to the dead-letter topic, no retries. */
class PoisonRecordException extends RuntimeException {

    PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
