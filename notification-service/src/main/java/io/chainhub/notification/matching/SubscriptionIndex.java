package io.chainhub.notification.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.chainhub.notification.subscription.Subscription;

/**
 * An immutable snapshot of the active subscriptions, indexed so that matching an event looks at the
 * subscriptions naming one of its addresses, those naming its token (without addresses), and the few
 * that name neither, instead of every subscription. Replaced as a whole when subscriptions change.
 */
public final class SubscriptionIndex {

    public static final SubscriptionIndex EMPTY = of(List.of());

    private final Map<String, List<Subscription>> byAddress;
    private final Map<String, List<Subscription>> byToken;
    private final List<Subscription> unkeyed;
    private final int size;

    private SubscriptionIndex(Map<String, List<Subscription>> byAddress, Map<String, List<Subscription>> byToken,
                              List<Subscription> unkeyed, int size) {
        this.byAddress = byAddress;
        this.byToken = byToken;
        this.unkeyed = unkeyed;
        this.size = size;
    }

    public static SubscriptionIndex of(Collection<Subscription> subscriptions) {
        Map<String, List<Subscription>> byAddress = new HashMap<>();
        Map<String, List<Subscription>> byToken = new HashMap<>();
        List<Subscription> unkeyed = new ArrayList<>();
        int size = 0;
        for (Subscription s : subscriptions) {
            if (!s.active()) {
                continue;
            }
            size++;
            if (!s.addresses().isEmpty()) {
                s.addresses().forEach(a -> byAddress.computeIfAbsent(a, k -> new ArrayList<>()).add(s));
            } else if (!s.tokens().isEmpty()) {
                s.tokens().forEach(t -> byToken.computeIfAbsent(t, k -> new ArrayList<>()).add(s));
            } else {
                unkeyed.add(s);
            }
        }
        return new SubscriptionIndex(byAddress, byToken, List.copyOf(unkeyed), size);
    }

    /** The subscriptions that want {@code event}, each once, in a stable order. */
    public List<Subscription> match(NotificationEvent event) {
        Map<UUID, Subscription> candidates = new LinkedHashMap<>();
        add(candidates, byAddress.get(event.from()));
        add(candidates, byAddress.get(event.to()));
        add(candidates, byToken.get(event.token()));
        add(candidates, unkeyed);
        return candidates.values().stream().filter(s -> Criteria.matches(s, event)).toList();
    }

    /** How many subscriptions a match of {@code event} examines (for tests of the index's cost). */
    int candidates(NotificationEvent event) {
        Map<UUID, Subscription> candidates = new LinkedHashMap<>();
        add(candidates, byAddress.get(event.from()));
        add(candidates, byAddress.get(event.to()));
        add(candidates, byToken.get(event.token()));
        add(candidates, unkeyed);
        return candidates.size();
    }

    public int size() {
        return size;
    }

    private static void add(Map<UUID, Subscription> candidates, List<Subscription> subscriptions) {
        if (subscriptions != null) {
            subscriptions.forEach(s -> candidates.putIfAbsent(s.id(), s));
        }
    }
}
