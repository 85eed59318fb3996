package io.chainhub.fraud.engine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.chainhub.events.fraud.FraudAlertEvent;
import io.chainhub.events.fraud.FraudAlertEvent.AlertAction;

/**
 * Turns hits and reverts into alert changes: a repeat of a rule on an address within the rule's dedup
 * window updates the open alert (count, last seen) rather than raising another; a revert retracts an
 * alert once every transfer whose evaluation hit it is gone. Pure, so the live topology and the backtest
 * share it.
 */
public final class AlertBook {

    private AlertBook() {
    }

    /** The alert's new state ({@code null} when it is over) and the event announcing the change. */
    public record Change(OpenAlert state, FraudAlertEvent event) {
    }

    /** Empty when the hit's transfer was already counted (a redelivery or re-evaluation). */
    public static Optional<Change> onHit(OpenAlert open, Hit hit) {
        Leg leg = hit.leg();
        boolean repeat = open != null && leg.time() - open.lastSeen() <= hit.rule().dedupWindow().toSeconds();
        if (repeat && open.triggers().contains(leg.eventId())) {
            return Optional.empty();
        }
        OpenAlert next;
        AlertAction action;
        if (repeat) {
            List<String> triggers = new ArrayList<>(open.triggers());
            triggers.add(leg.eventId());
            next = new OpenAlert(open.alertId(), open.ruleId(), hit.rule().version(), hit.rule().severity(),
                    open.chainId(), open.subject(), triggers, open.firstSeen(), Math.max(open.lastSeen(), leg.time()),
                    hit.summary(), hit.details());
            action = AlertAction.UPDATED;
        } else {
            String alertId = UUID.nameUUIDFromBytes((hit.rule().ruleId() + "|" + leg.stateKey() + "|" + leg.eventId())
                    .getBytes(StandardCharsets.UTF_8)).toString();
            next = new OpenAlert(alertId, hit.rule().ruleId(), hit.rule().version(), hit.rule().severity(),
                    leg.chainId(), leg.address(), List.of(leg.eventId()), leg.time(), leg.time(), hit.summary(),
                    hit.details());
            action = AlertAction.RAISED;
        }
        return Optional.of(new Change(next, event(next, action)));
    }

    /** Empty when {@code eventId} did not trigger this alert. */
    public static Optional<Change> onRevert(OpenAlert open, String eventId) {
        if (open == null || !open.triggers().contains(eventId)) {
            return Optional.empty();
        }
        List<String> rest = open.triggers().stream().filter(id -> !id.equals(eventId)).toList();
        if (rest.isEmpty()) {
            return Optional.of(new Change(null, event(open, AlertAction.RETRACTED)));
        }
        OpenAlert next = new OpenAlert(open.alertId(), open.ruleId(), open.ruleVersion(), open.severity(),
                open.chainId(), open.subject(), rest, open.firstSeen(), open.lastSeen(), open.summary(), open.details());
        return Optional.of(new Change(next, event(next, AlertAction.UPDATED)));
    }

    static FraudAlertEvent event(OpenAlert alert, AlertAction action) {
        return new FraudAlertEvent(alert.alertId(), action, alert.ruleId(), alert.ruleVersion(), alert.severity(),
                alert.chainId(), alert.subject(), alert.triggers(), alert.count(),
                Instant.ofEpochSecond(alert.firstSeen()), Instant.ofEpochSecond(alert.lastSeen()), alert.summary(),
                alert.details());
    }
}
