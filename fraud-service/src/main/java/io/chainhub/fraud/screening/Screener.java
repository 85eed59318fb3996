package io.chainhub.fraud.screening;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.chainhub.events.custody.ScreeningCommand;
import io.chainhub.events.custody.ScreeningReply;
import io.chainhub.events.custody.ScreeningReply.ScreeningDecision;
import io.chainhub.fraud.engine.LargeTransferRule;
import io.chainhub.fraud.engine.Leg;
import io.chainhub.fraud.engine.ListRule;
import io.chainhub.fraud.rule.RuleSet;
import io.chainhub.fraud.watchlist.Watchlists;

/**
 * Decides a withdrawal screening from the same lists and thresholds as the live rules: a listed or mixer
 * destination (or source) is REJECT; open alerts about either address or an amount at the large-transfer
 * threshold is REVIEW; otherwise APPROVE. Every reason is spelled out for the approver.
 */
final class Screener {

    private Screener() {
    }

    /** Open alerts about one address, by severity: what the screening knows of an account's history. */
    record AlertExposure(long open, long highOrCritical) {
    }

    static ScreeningReply decide(ScreeningCommand command, RuleSet rules, Watchlists lists,
            AlertExposure destinationAlerts, AlertExposure sourceAlerts, Instant now) {
        List<String> reject = new ArrayList<>();
        List<String> review = new ArrayList<>();
        int score = 0;
        String destination = lower(command.destination());
        String source = lower(command.sourceAddress());
        if (destination == null || !destination.matches("^0x[0-9a-f]{40}$")) {
            reject.add("destination '" + command.destination() + "' is not an EVM address");
        } else {
            Set<String> listed = lists.matching(destination, lists(rules, ListRule.watchlist()));
            if (!listed.isEmpty()) {
                reject.add("destination " + destination + " is on list(s) " + String.join(",", listed));
            }
            Set<String> mixers = lists.matching(destination, lists(rules, ListRule.mixer()));
            if (!mixers.isEmpty()) {
                reject.add("destination " + destination + " is a mixer (" + String.join(",", mixers) + ")");
            }
        }
        if (source != null && !lists.matching(source, lists(rules, ListRule.watchlist())).isEmpty()) {
            reject.add("source " + source + " is on a watchlist");
        }
        if (destinationAlerts.highOrCritical() > 0) {
            score += 40;
            review.add(destinationAlerts.highOrCritical() + " open high/critical alert(s) about the destination");
        } else if (destinationAlerts.open() > 0) {
            score += 25;
            review.add(destinationAlerts.open() + " open alert(s) about the destination");
        }
        if (sourceAlerts.open() > 0) {
            score += 20;
            review.add(sourceAlerts.open() + " open alert(s) about the source address");
        }
        String token = command.token() == null ? Leg.NATIVE : command.token().toLowerCase();
        var threshold = rules.get(LargeTransferRule.ID)
                .flatMap(c -> c.amount("threshold", token, command.decimals()));
        if (threshold.isPresent() && command.amount() != null
                && new BigInteger(command.amount()).compareTo(threshold.get()) >= 0) {
            score += 30;
            review.add("amount " + command.amount() + " is at or above the large-transfer threshold "
                    + threshold.get());
        }
        if (!reject.isEmpty()) {
            List<String> reasons = new ArrayList<>(reject);
            reasons.addAll(review);
            return new ScreeningReply(command.commandId(), command.withdrawalId(), ScreeningDecision.REJECT,
                    reasons, 100, now);
        }
        if (!review.isEmpty()) {
            return new ScreeningReply(command.commandId(), command.withdrawalId(), ScreeningDecision.REVIEW, review,
                    Math.min(score, 99), now);
        }
        return new ScreeningReply(command.commandId(), command.withdrawalId(), ScreeningDecision.APPROVE,
                List.of("no listed counterparty, no open alerts, below the large-transfer threshold"), score, now);
    }

    private static Set<String> lists(RuleSet rules, ListRule rule) {
        Set<String> configured = rules.get(rule.id()).map(c -> c.list("lists")).orElse(Set.of());
        return configured.isEmpty() ? Set.of(rule.defaultLists().split(",")) : configured;
    }

    private static String lower(String address) {
        return address == null ? null : address.trim().toLowerCase();
    }

}
