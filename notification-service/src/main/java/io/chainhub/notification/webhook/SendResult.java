package io.chainhub.notification.webhook;

import java.time.Duration;

/** What one HTTP attempt produced. */
sealed interface SendResult {

    long durationMs();

    /** The endpoint answered with a status (any, including 3xx). */
    record Answered(int status, Duration retryAfter, long durationMs) implements SendResult {
        boolean success() {
            return status >= 200 && status < 300;
        }
    }

    /** No answer: timeout, refused connection, TLS failure, unsafe target. */
    record NoAnswer(String error, long durationMs) implements SendResult {
    }
}
