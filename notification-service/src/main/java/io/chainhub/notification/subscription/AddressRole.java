package io.chainhub.notification.subscription;

/** Which side of a transfer the subscribed addresses must be on. */
public enum AddressRole {
    SENDER, RECEIVER, EITHER
}
