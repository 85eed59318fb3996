package io.chainhub.notification.matching;

import io.chainhub.events.fraud.AlertSeverity;
import io.chainhub.notification.subscription.EventTypes;
import io.chainhub.notification.subscription.Subscription;

/** Whether one subscription wants one event: every criterion it sets must hold. */
final class Criteria {

    private Criteria() {
    }

    static boolean matches(Subscription s, NotificationEvent e) {
        if (!s.active() || !EventTypes.covers(s.eventTypes(), e.type())) {
            return false;
        }
        if (s.chainId() != null && !s.chainId().equals(e.chainId())) {
            return false;
        }
        if (!s.addresses().isEmpty() && !addressMatches(s, e)) {
            return false;
        }
        if (!s.tokens().isEmpty() && (e.token() == null || !s.tokens().contains(e.token()))) {
            return false;
        }
        if (e.isTransfer()) {
            if (!s.standards().isEmpty() && !s.standards().contains(e.standard())) {
                return false;
            }
            if (s.minValue() != null && (e.value() == null || e.value().compareTo(s.minValue()) < 0)) {
                return false;
            }
        }
        if (e.severity() != null) {
            AlertSeverity minimum = s.minSeverity() == null ? AlertSeverity.LOW : s.minSeverity();
            return e.severity().compareTo(minimum) >= 0;
        }
        return true;
    }

    private static boolean addressMatches(Subscription s, NotificationEvent e) {
        if (!e.isTransfer()) {
            // alerts and custody events have one address: the role does not apply
            return e.from() != null && s.addresses().contains(e.from());
        }
        boolean sender = e.from() != null && s.addresses().contains(e.from());
        boolean receiver = e.to() != null && s.addresses().contains(e.to());
        return switch (s.addressRole()) {
            case SENDER -> sender;
            case RECEIVER -> receiver;
            case EITHER -> sender || receiver;
        };
    }
}
