package io.chainhub.fraud.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import io.chainhub.events.fraud.FraudAlertEvent;
import io.chainhub.events.kafka.CloudEvent;
import io.chainhub.events.kafka.CloudEventHeaders;
import io.chainhub.fraud.engine.AddressHistory;
import io.chainhub.fraud.engine.AddressPoisoningRule;
import io.chainhub.fraud.engine.AlertBook;
import io.chainhub.fraud.engine.Hit;
import io.chainhub.fraud.engine.Leg;
import io.chainhub.fraud.engine.OpenAlert;
import io.chainhub.fraud.engine.Rules;
import io.chainhub.fraud.rule.RuleMode;
import io.chainhub.fraud.rule.RuleSet;
import io.chainhub.fraud.watchlist.Watchlists;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Evaluates every rule on a leg against the address's history and counterparties (state stores, keys
 * chainId:address and chainId:address|counterparty),
 * turns ACTIVE hits into alert changes (alert store, same key space) and reports every hit, SHADOW
 * included, for the statistics. Rule configuration and lists are read per record from the registries,
 * so a mode change applies to the next transfer without a restart. Counterparty pairs not seen within the
 * retention (at least the poisoning rule's lookback) are purged a slice at a time ({@link SlicedPurge}).
 */
final class AddressRuleProcessor implements Processor<String, LegCommand, String, Emission> {

    static final String SOURCE = "/chainhub/fraud-service";

    private final Supplier<RuleSet> rules;
    private final Supplier<Watchlists> lists;
    private final Duration counterpartyRetention;
    private ProcessorContext<String, Emission> context;
    private KeyValueStore<String, AddressHistory> histories;
    private KeyValueStore<String, Long> counterparties;
    private KeyValueStore<String, OpenAlert> alerts;
    private SlicedPurge<Long> purge;
    /** Latest chain time this task saw (epoch seconds): the purge's clock, so retention runs on chain time. */
    private long latestChainTime = Long.MIN_VALUE;

    AddressRuleProcessor(Supplier<RuleSet> rules, Supplier<Watchlists> lists, Duration counterpartyRetention) {
        this.rules = rules;
        this.lists = lists;
        this.counterpartyRetention = counterpartyRetention;
    }

    @Override
    public void init(ProcessorContext<String, Emission> context) {
        this.context = context;
        this.histories = context.getStateStore(FraudTopology.ADDRESS_HISTORY);
        this.counterparties = context.getStateStore(FraudTopology.COUNTERPARTIES);
        this.alerts = context.getStateStore(FraudTopology.ALERTS);
        this.purge = new SlicedPurge<>(counterparties, SlicedPurge.ENTRIES_PER_RUN, lastSeen -> lastSeen);
        context.schedule(SlicedPurge.INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::purgeCounterparties);
    }

    private void purgeCounterparties(long wallClockMillis) {
        if (latestChainTime == Long.MIN_VALUE) {
            return; // nothing seen since (re)start: no clock yet
        }
        // a block stamped far in the future (a dev chain's time travel, a broken chain) must not wipe the store
        long now = Math.min(latestChainTime, wallClockMillis / 1_000 + Duration.ofDays(1).toSeconds());
        long keep = rules.get().get(AddressPoisoningRule.ID)
                .map(c -> Math.max(counterpartyRetention.toSeconds(), AddressPoisoningRule.lookbackSeconds(c)))
                .orElse(counterpartyRetention.toSeconds());
        purge.run(now - keep);
    }

    @Override
    public void process(Record<String, LegCommand> record) {
        LegCommand command = record.value();
        Leg leg = command.leg();
        latestChainTime = Math.max(latestChainTime, leg.time());
        AddressHistory before = histories.get(record.key());
        if (before == null) {
            before = AddressHistory.EMPTY;
        }
        switch (command.action()) {
            case EVALUATE -> evaluate(record, leg, before);
            case REVERT -> revert(record, leg, before);
        }
    }

    private void evaluate(Record<String, LegCommand> record, Leg leg, AddressHistory before) {
        RuleSet current = rules.get();
        var known = new StoredCounterparties(counterparties, record.key(), before.known());
        Rules.Outcome outcome = Rules.apply(leg, before, known, current, lists.get());
        histories.put(record.key(), outcome.after());
        for (Hit hit : outcome.hits()) {
            String alertId = null;
            if (hit.rule().mode() == RuleMode.ACTIVE) {
                String key = OpenAlert.key(hit.rule().ruleId(), leg.chainId(), leg.address());
                var change = AlertBook.onHit(alerts.get(key), hit);
                if (change.isPresent()) {
                    alerts.put(key, change.get().state());
                    alertId = change.get().event().alertId();
                    emitAlert(record, change.get().event());
                }
            }
            RuleHitEvent event = new RuleHitEvent(hit.rule().ruleId(), hit.rule().version(), hit.rule().mode(),
                    leg.chainId(), leg.address(), leg.eventId(), alertId, Instant.ofEpochSecond(leg.time()));
            context.forward(new Record<>(hit.rule().ruleId(), new Emission(null, event), record.timestamp(),
                    new RecordHeaders()));
        }
    }

    private void revert(Record<String, LegCommand> record, Leg leg, AddressHistory before) {
        histories.put(record.key(), before.without(leg.eventId()));
        for (var rule : Rules.ALL) {
            String key = OpenAlert.key(rule.id(), leg.chainId(), leg.address());
            AlertBook.onRevert(alerts.get(key), leg.eventId()).ifPresent(change -> {
                if (change.state() == null) {
                    alerts.delete(key);
                } else {
                    alerts.put(key, change.state());
                }
                emitAlert(record, change.event());
            });
        }
    }

    private void emitAlert(Record<String, LegCommand> record, FraudAlertEvent event) {
        var headers = new RecordHeaders();
        CloudEventHeaders.write(headers, new CloudEvent(event.cloudEventId(), SOURCE, event.cloudEventType(),
                Instant.ofEpochMilli(record.timestamp()), event.subject()));
        context.forward(new Record<>(event.subject(), new Emission(event, null), record.timestamp(), headers));
    }
}
