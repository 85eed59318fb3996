package io.chainhub.notification.email;

import io.chainhub.notification.subscription.Subscription;
import io.chainhub.notification.webhook.EndpointOwnerNotifier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/** Emails the owner (or the subscription's email address) when its webhook endpoint is disabled. */
@Component
class EmailOwnerNotifier implements EndpointOwnerNotifier {

    private static final Logger log = LoggerFactory.getLogger(EmailOwnerNotifier.class);

    private final MailComposer composer;
    private final MailOutbox outbox;

    EmailOwnerNotifier(MailComposer composer, MailOutbox outbox) {
        this.composer = composer;
        this.outbox = outbox;
    }

    @Override
    public void endpointDisabled(Subscription subscription, String reason) {
        if (subscription.contactEmail() == null) {
            log.warn("subscription {} has no owner email: nobody told that its endpoint was disabled", subscription.id());
            return;
        }
        try {
            outbox.send(composer.endpointDisabled(subscription, reason));
        } catch (MailException e) {
            log.warn("could not tell {} that its endpoint was disabled: {}", subscription.contactEmail(), e.getMessage());
        }
    }
}
