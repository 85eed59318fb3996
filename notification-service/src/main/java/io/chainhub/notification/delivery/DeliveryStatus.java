package io.chainhub.notification.delivery;

/**
 * PENDING until sent; SUCCEEDED once accepted (2xx, or handed to the SMTP server); FAILED after the
 * last retry or a 410; DIGEST_PENDING for emails held back by the throttle, DIGESTED once a digest carried them.
 */
public enum DeliveryStatus {
    PENDING, SUCCEEDED, FAILED, DIGEST_PENDING, DIGESTED
}
