package io.chainhub.notification.matching;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.chainhub.notification.subscription.Subscription;
import io.chainhub.notification.subscription.SubscriptionStore;
import io.chainhub.notification.subscription.SubscriptionsChanged;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The current {@link SubscriptionIndex}: reloaded right after a local change commits, and polled
 * (a cheap fingerprint query) so that changes made through another instance apply without restart too.
 */
@Component
public class MatchingIndex {

    private static final Logger log = LoggerFactory.getLogger(MatchingIndex.class);

    private final SubscriptionStore store;
    private final AtomicReference<SubscriptionIndex> current = new AtomicReference<>(SubscriptionIndex.EMPTY);
    private volatile String fingerprint = "";

    MatchingIndex(SubscriptionStore store) {
        this.store = store;
        reload();
    }

    public List<Subscription> match(NotificationEvent event) {
        return current.get().match(event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onChange(SubscriptionsChanged changed) {
        reload();
    }

    @Scheduled(fixedDelayString = "${chainhub.notification.index-refresh}")
    void refreshIfChanged() {
        if (!store.fingerprint().equals(fingerprint)) {
            reload();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        reload();
    }

    synchronized void reload() {
        String before = store.fingerprint();
        SubscriptionIndex index = SubscriptionIndex.of(store.findActive());
        current.set(index);
        fingerprint = before;
        log.debug("matching index reloaded: {} active subscriptions", index.size());
    }
}
