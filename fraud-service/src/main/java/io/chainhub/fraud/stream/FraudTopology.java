package io.chainhub.fraud.stream;

import java.time.Duration;
import java.util.function.Supplier;

import io.chainhub.events.fraud.FraudAlertEvent;
import io.chainhub.events.kafka.JsonSerde;
import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.fraud.engine.OpenAlert;
import io.chainhub.fraud.rule.RuleSet;
import io.chainhub.fraud.watchlist.Watchlists;
import io.chainhub.platform.streams.BatchedWritesStore;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * token-transfers → (dedup per transfer and block) → legs re-keyed by chainId:address → rules with
 * per-address history and open alerts → fraud-alerts (key: subject) and fraud-rule-hits (key: rule id).
 *
 * <p>The one place that pairs each topic and store with its serdes.
 */
public final class FraudTopology {

    public static final String RULE_HITS = "fraud-rule-hits";
    static final String TRANSFER_INDEX = "transfer-index";
    // binary values since the counterparties moved to a store of their own: new names, new changelogs
    static final String ADDRESS_HISTORY = "address-legs";
    static final String COUNTERPARTIES = "address-counterparties";
    static final String ALERTS = "open-alerts";
    static final String BY_ADDRESS = "legs-by-address";
    public static final Duration DEFAULT_COUNTERPARTY_RETENTION = Duration.ofDays(90);

    public static final Serde<TransferEvent> TRANSFERS = JsonSerde.of(TransferEvent.class);
    public static final Serde<FraudAlertEvent> ALERT_EVENTS = JsonSerde.of(FraudAlertEvent.class);
    public static final Serde<RuleHitEvent> HITS = JsonSerde.of(RuleHitEvent.class);
    private static final Serde<LegCommand> LEGS = JsonSerde.of(LegCommand.class);

    private FraudTopology() {
    }

    /**
     * @param inMemoryState in-memory instead of RocksDB stores; both are backed by changelog topics, so
     *                      nothing is lost on a crash, in-memory stores only take longer to restore.
     *                      The histories are objects written back at commit ({@link HistoryStore}), the alerts
     *                      have a record cache: changelog writes of a busy address coalesce per commit. The
     *                      transfer index and the counterparty pairs, whose keys are rarely touched twice within a
     *                      commit interval, go to RocksDB as one batch per commit ({@link BatchedWritesStore}).
     */
    public static void build(StreamsBuilder builder, Supplier<RuleSet> rules, Supplier<Watchlists> lists,
            boolean inMemoryState) {
        build(builder, rules, lists, inMemoryState, DEFAULT_COUNTERPARTY_RETENTION);
    }

    /**
     * @param counterpartyRetention how long a counterparty pair is remembered after it was last seen (chain
     *                              time; never less than the address-poisoning lookback): new-counterparty
     *                              means "not dealt with within this", and the store stays bounded
     */
    public static void build(StreamsBuilder builder, Supplier<RuleSet> rules, Supplier<Watchlists> lists,
            boolean inMemoryState, Duration counterpartyRetention) {
        builder.addStateStore(BatchedWritesStore.builder(store(TRANSFER_INDEX, inMemoryState), Serdes.String(),
                TransferIndexSerde.serde()));
        builder.addStateStore(HistoryStore.builder(store(ADDRESS_HISTORY, inMemoryState), Serdes.String()));
        builder.addStateStore(BatchedWritesStore.builder(store(COUNTERPARTIES, inMemoryState), Serdes.String(),
                Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(store(ALERTS, inMemoryState),
                Serdes.String(), JsonSerde.of(OpenAlert.class)).withCachingEnabled());

        KStream<String, Emission> emissions = builder
                .stream(Topics.TOKEN_TRANSFERS, Consumed.with(Serdes.String(), TRANSFERS).withName("transfers"))
                .process(() -> new TransferGate(Duration.ofDays(7)), Named.as("transfer-gate"), TRANSFER_INDEX)
                .repartition(Repartitioned.with(Serdes.String(), LEGS).withName(BY_ADDRESS))
                .process(() -> new AddressRuleProcessor(rules, lists, counterpartyRetention), Named.as("rules"), ADDRESS_HISTORY, COUNTERPARTIES,
                        ALERTS);

        emissions.split(Named.as("emission-"))
                .branch((key, emission) -> emission.alert() != null, Branched.withConsumer(alerts -> alerts
                        .mapValues(Emission::alert, Named.as("alert-event"))
                        .to(Topics.FRAUD_ALERTS, Produced.with(Serdes.String(), ALERT_EVENTS).withName("fraud-alerts"))))
                .defaultBranch(Branched.withConsumer(hits -> hits
                        .mapValues(Emission::hit, Named.as("hit-event"))
                        .to(RULE_HITS, Produced.with(Serdes.String(), HITS).withName("rule-hits"))));
    }

    private static KeyValueBytesStoreSupplier store(String name, boolean inMemory) {
        return inMemory ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
    }

    /** The benchmark's baseline: same source, same repartition by address, no rules. */
    public static void buildPassThrough(StreamsBuilder builder, String output) {
        builder.stream(Topics.TOKEN_TRANSFERS, Consumed.with(Serdes.String(), TRANSFERS))
                .flatMapValues(io.chainhub.fraud.engine.Leg::of)
                .selectKey((key, leg) -> leg.stateKey())
                .mapValues(leg -> new LegCommand(LegCommand.Action.EVALUATE, leg))
                .repartition(Repartitioned.with(Serdes.String(), LEGS).withName(BY_ADDRESS))
                .to(output, Produced.with(Serdes.String(), LEGS));
    }
}
