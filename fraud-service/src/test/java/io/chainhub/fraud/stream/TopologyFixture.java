package io.chainhub.fraud.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.chainhub.events.fraud.FraudAlertEvent;
import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TokenRef;
import io.chainhub.events.transfer.TokenStandard;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;
import io.chainhub.fraud.engine.Rules;
import io.chainhub.fraud.rule.RuleConfig;
import io.chainhub.fraud.rule.RuleMode;
import io.chainhub.fraud.rule.RuleSet;
import io.chainhub.fraud.watchlist.Watchlists;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The real topology in a TopologyTestDriver, every rule DISABLED unless a test turns it on, and helpers to
 * make transfers. Chain time starts at {@link #T0} and moves only when a test says so.
 */
final class TopologyFixture implements AutoCloseable {

    static final long T0 = 1_700_000_000L;
    static final String TOKEN = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    static final long CHAIN = 31337;

    final AtomicReference<RuleSet> rules = new AtomicReference<>(allDisabled());
    final AtomicReference<Watchlists> lists = new AtomicReference<>(Watchlists.EMPTY);
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, TransferEvent> transfers;
    private final TestOutputTopic<String, FraudAlertEvent> alerts;
    private final TestOutputTopic<String, RuleHitEvent> hits;
    private int sequence;

    TopologyFixture() {
        this(FraudTopology.DEFAULT_COUNTERPARTY_RETENTION);
    }

    TopologyFixture(Duration counterpartyRetention) {
        StreamsBuilder builder = new StreamsBuilder();
        FraudTopology.build(builder, rules::get, lists::get, true, counterpartyRetention);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "fraud-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // the wall clock starts where chain time does, as on a live chain
        driver = new TopologyTestDriver(builder.build(), props, Instant.ofEpochSecond(T0));
        transfers = driver.createInputTopic(Topics.TOKEN_TRANSFERS, Serdes.String().serializer(),
                FraudTopology.TRANSFERS.serializer());
        alerts = driver.createOutputTopic(Topics.FRAUD_ALERTS, Serdes.String().deserializer(),
                FraudTopology.ALERT_EVENTS.deserializer());
        hits = driver.createOutputTopic(FraudTopology.RULE_HITS, Serdes.String().deserializer(),
                FraudTopology.HITS.deserializer());
    }

    static RuleSet allDisabled() {
        return RuleSet.of(Rules.DEFAULTS.byId().values().stream().map(c -> c.withMode(RuleMode.DISABLED)).toList());
    }

    /** Turns a rule on with its default parameters overridden by {@code parameters}. */
    TopologyFixture enable(String ruleId, RuleMode mode, Map<String, String> parameters) {
        RuleConfig config = rules.get().get(ruleId).orElseThrow().withMode(mode).withParameters(parameters);
        rules.set(rules.get().with(new RuleConfig(config.ruleId(), config.version() + 1, config.mode(),
                config.severity(), config.parameters())));
        return this;
    }

    TopologyFixture list(String list, String address) {
        lists.set(new Watchlists(Map.of(address, Set.of(list))));
        return this;
    }

    /** An ERC-20 transfer of {@code value} base units (18 decimals) at chain time T0 + {@code second}. */
    TransferEvent transfer(String from, String to, String value, long second) {
        sequence++;
        String tx = String.format("0x%064x", sequence);
        return new TransferEvent(CHAIN + ":" + tx + ":0", TransferStatus.OBSERVED, CHAIN, 100 + sequence,
                String.format("0x%064x", 1_000_000 + sequence), T0 + second, tx, 0, TokenStandard.ERC20,
                new TokenRef(TOKEN, "DEMO", 18), from, to, value, null, 0);
    }

    void send(TransferEvent transfer) {
        transfers.pipeInput(new TestRecord<>(transfer.kafkaKey(), transfer,
                Instant.ofEpochSecond(transfer.blockTimestamp())));
    }

    TransferEvent sendTransfer(String from, String to, String value, long second) {
        TransferEvent transfer = transfer(from, to, value, second);
        send(transfer);
        return transfer;
    }

    List<TestRecord<String, FraudAlertEvent>> alertRecords() {
        return alerts.readRecordsToList();
    }

    List<FraudAlertEvent> alerts() {
        return alerts.readValuesToList();
    }

    List<RuleHitEvent> hits() {
        return hits.readValuesToList();
    }

    /** The counterparty pairs as the topology stored them: key chainId:address|counterparty, value last seen. */
    KeyValueStore<String, Long> counterparties() {
        return driver.getKeyValueStore(FraudTopology.COUNTERPARTIES);
    }

    /** Which block each transfer was evaluated in, key eventId. */
    KeyValueStore<String, TransferIndexEntry> transferIndex() {
        return driver.getKeyValueStore(FraudTopology.TRANSFER_INDEX);
    }

    void advanceWallClock(Duration duration) {
        driver.advanceWallClockTime(duration);
    }

    static String address(int n) {
        return String.format("0x%040x", n);
    }

    @Override
    public void close() {
        driver.close();
    }
}
