package io.chainhub.fraud.it;

import static io.chainhub.fraud.it.TransferProducer.randomAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.chainhub.events.custody.ScreeningCommand;
import io.chainhub.events.custody.ScreeningReply;
import io.chainhub.events.fraud.FraudAlertEvent;
import io.chainhub.events.kafka.CloudEvent;
import io.chainhub.events.kafka.CloudEventHeaders;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TransferStatus;
import io.chainhub.testsupport.ChainHubIntegrationTest;
import io.chainhub.testsupport.KafkaTestConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The whole service on the real broker and database: transfers published as the listener does them raise
 * alerts on fraud-alerts and in the API, a reorg retracts them, SHADOW counts without alerting, analysts
 * disposition alerts, custody screening answers, a backtest reports hits. Tests isolate by fresh addresses.
 */
@ChainHubIntegrationTest
class FraudPipelineIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static TransferProducer producer;

    @LocalServerPort
    int port;

    @Autowired
    StreamsBuilderFactoryBean streams;

    private Api api;

    @BeforeAll
    static void startProducer() {
        producer = new TransferProducer();
    }

    @AfterAll
    static void stopProducer() {
        producer.close();
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void shouldRaiseAlertOnTopicAndInApiWhenTransferGoesToSanctionedAddress() {
        String sanctioned = sanction();
        String sender = randomAddress();
        var transfer = producer.transfer(sender, sanctioned, "1000");

        try (var alerts = KafkaTestConsumer.subscribe(Topics.FRAUD_ALERTS)) {
            producer.publish(transfer);

            ConsumerRecord<String, String> record = alerts.awaitRecord(r -> sender.equals(r.key()), WAIT);
            FraudAlertEvent event = EventJson.mapper().readValue(record.value(), FraudAlertEvent.class);
            assertThat(event.action()).isEqualTo(FraudAlertEvent.AlertAction.RAISED);
            assertThat(event.ruleId()).isEqualTo("watchlist");
            assertThat(event.transferEventIds()).containsExactly(transfer.eventId());
            assertThat(CloudEventHeaders.read(record.headers())).hasValueSatisfying(
                    ce -> assertThat(ce.type()).isEqualTo("io.chainhub.fraud.alert.raised.v1"));
        }
        JsonNode alert = awaitAlert(sender, "OPEN");
        assertThat(alert.get("ruleId").asString()).isEqualTo("watchlist");
        assertThat(alert.get("severity").asString()).isEqualTo("CRITICAL");
    }

    @Test
    void shouldRetractAlertWhenTransferIsReverted() {
        String sanctioned = sanction();
        String sender = randomAddress();
        var transfer = producer.transfer(sender, sanctioned, "1");
        producer.publish(transfer);
        awaitAlert(sender, "OPEN");

        producer.publish(transfer.withStatus(TransferStatus.REVERTED, 0));

        awaitAlert(sender, "RETRACTED");
    }

    @Test
    void shouldCountShadowHitWithoutAlertWhenRuleInShadowMode() {
        String mixer = randomAddress();
        assertThat(api.put("/api/watchlists/mixers/addresses/" + mixer, "{\"label\":\"test mixer\"}").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        var changed = api.put("/api/rules/mixer", "{\"mode\":\"SHADOW\",\"comment\":\"observe first\"}");
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        int version = Api.json(changed).get("version").asInt();
        String sender = randomAddress();

        producer.publish(producer.transfer(sender, mixer, "5"));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode stats = api.getJson("/api/rules/statistics?rule=mixer");
            JsonNode row = stats.valueStream().filter(r -> r.get("version").asInt() == version).findFirst().orElseThrow();
            assertThat(row.get("shadowHits").asLong()).isEqualTo(1);
            assertThat(row.get("fired").asLong()).isZero();
        });
        assertThat(api.getJson("/api/alerts?subject=" + sender)).isEmpty();
    }

    @Test
    void shouldRecordAnalystDispositionAndPrecisionWhenAlertResolved() {
        String sanctioned = sanction();
        String sender = randomAddress();
        producer.publish(producer.transfer(sender, sanctioned, "1"));
        String id = awaitAlert(sender, "OPEN").get("id").asString();

        assertThat(api.post("/api/alerts/" + id + "/acknowledge", "{\"text\":\"looking\"}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        var resolved = api.post("/api/alerts/" + id + "/resolve", "{\"text\":\"confirmed with compliance\"}");
        var again = api.post("/api/alerts/" + id + "/acknowledge", null);

        assertThat(resolved.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode detail = Api.json(resolved);
        assertThat(detail.get("alert").get("status").asString()).isEqualTo("RESOLVED");
        assertThat(detail.get("activity").valueStream().map(a -> a.get("action").asString() + " by " + a.get("actor").asString()))
                .containsExactly("RAISED by fraud-service", "ACKNOWLEDGED by alice", "RESOLVED by alice");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldRejectScreeningAndRepeatSameReplyWhenDestinationIsSanctioned() {
        String sanctioned = sanction();
        String withdrawal = "wd-" + UUID.randomUUID();
        var command = new ScreeningCommand("cmd-" + UUID.randomUUID(), withdrawal, "acct-1", 31337, null, "1000", 18,
                randomAddress(), sanctioned, Instant.now());
        String json = EventJson.mapper().writeValueAsString(command);
        CloudEvent ce = new CloudEvent(command.commandId(), "/chainhub/saga", ScreeningCommand.TYPE, Instant.now(), withdrawal);

        try (var replies = KafkaTestConsumer.subscribe(Topics.SCREENING_REPLIES)) {
            producer.publishRaw(Topics.SCREENING_COMMANDS, withdrawal, json, ce);
            producer.publishRaw(Topics.SCREENING_COMMANDS, withdrawal, json, ce);

            var records = replies.awaitRecords(r -> withdrawal.equals(r.key()), 2, WAIT);
            ScreeningReply first = EventJson.mapper().readValue(records.get(0).value(), ScreeningReply.class);
            assertThat(first.decision()).isEqualTo(ScreeningReply.ScreeningDecision.REJECT);
            assertThat(first.reasons()).anySatisfy(reason -> assertThat(reason).contains(sanctioned));
            assertThat(records.get(1).value()).isEqualTo(records.get(0).value());
        }
    }

    @Test
    void shouldReportHitsWithoutPublishingWhenBacktestingLowerThreshold() {
        Instant from = Instant.now().minusSeconds(1);
        String sender = randomAddress();
        producer.publish(producer.transfer(sender, randomAddress(), "777000"));

        var response = api.post("/api/backtests", """
                {"from": "%s", "rules": [{"ruleId": "large-transfer", "mode": "ACTIVE",
                  "parameters": {"threshold.native": "777000"}}]}""".formatted(from));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode report = Api.json(response);
        assertThat(report.get("hitsByRule").get("large-transfer").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(report.get("alerts").valueStream().map(a -> a.get("subject").asString())).contains(sender);
        assertThat(api.getJson("/api/alerts?subject=" + sender)).isEmpty();
    }

    @Test
    void shouldNotDuplicateAlertWhenStreamsRestartAndTransferIsRedelivered() {
        String sanctioned = sanction();
        String sender = randomAddress();
        var first = producer.transfer(sender, sanctioned, "1");
        try (var alerts = KafkaTestConsumer.subscribe(Topics.FRAUD_ALERTS)) {
            producer.publish(first);
            alerts.awaitRecord(r -> sender.equals(r.key()), WAIT);

            streams.stop();
            streams.start();
            producer.publish(first, producer.transfer(sender, sanctioned, "2"));

            var records = alerts.awaitRecords(r -> sender.equals(r.key()), 2, WAIT);
            assertThat(records).extracting(r -> EventJson.mapper().readValue(r.value(), FraudAlertEvent.class))
                    .extracting(FraudAlertEvent::action, FraudAlertEvent::count)
                    .containsExactly(tuple(FraudAlertEvent.AlertAction.RAISED, 1),
                            tuple(FraudAlertEvent.AlertAction.UPDATED, 2));
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.getJson("/api/alerts?subject=" + sender))
                .singleElement().satisfies(alert -> assertThat(alert.get("count").asInt()).isEqualTo(2)));
    }

    @Test
    void shouldDeadLetterTransferThatIsNotJson() {
        String key = "31337:0x" + UUID.randomUUID();
        try (var dlt = KafkaTestConsumer.subscribe(Topics.TOKEN_TRANSFERS + Topics.DEAD_LETTER_SUFFIX)) {
            producer.publishRaw(Topics.TOKEN_TRANSFERS, key, "not json {", new CloudEvent("x", "/test",
                    "io.chainhub.transfer.observed.v1", Instant.now(), null));

            assertThat(dlt.awaitRecord(r -> key.equals(r.key()), WAIT).value()).isEqualTo("not json {");
        }
    }

    @Test
    void shouldAnswer400ProblemWhenRuleParameterIsInvalid() {
        var response = api.put("/api/rules/velocity", "{\"parameters\":{\"window\":\"ten minutes\"}}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains("window");
    }

    @Test
    void shouldImportCsvAndReportRejectedLines() {
        String list = "ofac-" + UUID.randomUUID().toString().substring(0, 8);
        var response = api.postCsv("/api/watchlists/" + list + "/import",
                "address,label\n" + randomAddress() + ",SDN one\nnot-an-address,x\n" + randomAddress() + "\n");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode result = Api.json(response);
        assertThat(result.get("added").asInt()).isEqualTo(2);
        assertThat(result.get("rejected").size()).isEqualTo(1);
    }

    private String sanction() {
        String address = randomAddress();
        var response = api.put("/api/watchlists/sanctions/addresses/" + address, "{\"label\":\"test\"}");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return address;
    }

    private JsonNode awaitAlert(String subject, String status) {
        return await().atMost(WAIT).until(() -> api.getJson("/api/alerts?subject=" + subject).valueStream()
                .filter(a -> a.get("status").asString().equals(status)).findFirst().orElse(null),
                alert -> alert != null);
    }
}
