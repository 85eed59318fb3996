package io.chainhub.fraud.backtest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.chainhub.events.fraud.FraudAlertEvent;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;
import io.chainhub.fraud.engine.AddressHistory;
import io.chainhub.fraud.engine.AlertBook;
import io.chainhub.fraud.engine.Hit;
import io.chainhub.fraud.engine.InMemoryCounterparties;
import io.chainhub.fraud.engine.Leg;
import io.chainhub.fraud.engine.OpenAlert;
import io.chainhub.fraud.engine.Rules;
import io.chainhub.fraud.rule.RuleSet;
import io.chainhub.fraud.watchlist.Watchlists;

/**
 * The live topology's logic in memory, for one backtest: the same gate (once per transfer and block,
 * REVERTED undoes), the same rules, history and alert book. Transfers are taken in chain-time order.
 */
final class Backtest {

    private final RuleSet rules;
    private final Watchlists lists;
    private final Map<String, String> blockByEvent = new HashMap<>();
    private final Map<String, AddressHistory> histories = new HashMap<>();
    private final Map<String, InMemoryCounterparties> counterparties = new HashMap<>();
    private final Map<String, OpenAlert> alerts = new HashMap<>();
    private final Map<String, FraudAlertEvent> latest = new LinkedHashMap<>();
    private final Map<String, Long> hitsByRule = new TreeMap<>();
    private long evaluated;
    private long reverted;

    Backtest(RuleSet rules, Watchlists lists) {
        this.rules = rules;
        this.lists = lists;
    }

    void run(List<TransferEvent> transfers) {
        List<TransferEvent> ordered = new ArrayList<>(transfers);
        ordered.sort(Comparator.comparingLong(TransferEvent::blockTimestamp)
                .thenComparingLong(TransferEvent::blockNumber));
        ordered.forEach(this::accept);
    }

    void accept(TransferEvent transfer) {
        String seen = blockByEvent.get(transfer.eventId());
        if (transfer.status() == TransferStatus.REVERTED) {
            if (transfer.blockHash().equals(seen)) {
                blockByEvent.remove(transfer.eventId());
                Leg.of(transfer).forEach(this::revert);
                reverted++;
            }
            return;
        }
        if (transfer.blockHash().equals(seen)) {
            return;
        }
        if (seen != null) {
            Leg.of(transfer).forEach(this::revert);
        }
        blockByEvent.put(transfer.eventId(), transfer.blockHash());
        evaluated++;
        Leg.of(transfer).forEach(this::evaluate);
    }

    private void evaluate(Leg leg) {
        AddressHistory before = histories.getOrDefault(leg.stateKey(), AddressHistory.EMPTY);
        InMemoryCounterparties known = counterparties.computeIfAbsent(leg.stateKey(), k -> new InMemoryCounterparties());
        Rules.Outcome outcome = Rules.apply(leg, before, known, rules, lists);
        histories.put(leg.stateKey(), outcome.after());
        for (Hit hit : outcome.hits()) {
            hitsByRule.merge(hit.rule().ruleId(), 1L, Long::sum);
            String key = OpenAlert.key(hit.rule().ruleId(), leg.chainId(), leg.address());
            AlertBook.onHit(alerts.get(key), hit).ifPresent(change -> {
                alerts.put(key, change.state());
                latest.put(change.event().alertId(), change.event());
            });
        }
    }

    private void revert(Leg leg) {
        AddressHistory before = histories.get(leg.stateKey());
        if (before != null) {
            histories.put(leg.stateKey(), before.without(leg.eventId()));
        }
        for (var rule : Rules.ALL) {
            String key = OpenAlert.key(rule.id(), leg.chainId(), leg.address());
            AlertBook.onRevert(alerts.get(key), leg.eventId()).ifPresent(change -> {
                if (change.state() == null) {
                    alerts.remove(key);
                } else {
                    alerts.put(key, change.state());
                }
                latest.put(change.event().alertId(), change.event());
            });
        }
    }

    long evaluated() {
        return evaluated;
    }

    long reverted() {
        return reverted;
    }

    Map<String, Long> hitsByRule() {
        return hitsByRule;
    }

    /** Alerts as they stand at the end (RETRACTED ones included, so a reorg's effect is visible). */
    List<FraudAlertEvent> alerts() {
        return List.copyOf(latest.values());
    }
}
