package io.chainhub.notification.webhook;

import io.chainhub.notification.subscription.Subscription;

/** Tells a subscription's owner that its endpoint was disabled (implemented by the email feature). */
public interface EndpointOwnerNotifier {

    void endpointDisabled(Subscription subscription, String reason);
}
