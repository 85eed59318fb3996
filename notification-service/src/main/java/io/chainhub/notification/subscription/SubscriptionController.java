package io.chainhub.notification.subscription;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Webhook and email subscriptions. */
@RestController
class SubscriptionController {

    private final SubscriptionRepository subscriptions;

    SubscriptionController(SubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** {@code GET /api/subscriptions} (role viewer): every subscription, oldest first. */
    @GetMapping("/api/subscriptions")
    List<SubscriptionView> list() {
        return subscriptions.findAllByOrderByCreatedAtAsc().stream().map(Subscription::view).toList();
    }
}
