package io.chainhub.e2e;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.chainhub.devchain.DemoContracts;
import io.chainhub.devchain.DevChain;
import io.chainhub.devchain.TxResult;
import io.chainhub.events.fraud.FraudAlertEvent;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferHeaders;
import io.chainhub.events.transfer.TransferStatus;
import io.chainhub.testsupport.KafkaTestConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.utils.Convert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole suite started by {@code ./chainhub up} (real Kafka, PostgreSQL, anvil, mail and the five
 * service processes), checked from the outside as a user would, then stopped by {@code ./chainhub down}.
 */
class ChainHubUpIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final LocalStack stack = LocalStack.forThisBuild();
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void up() throws Exception {
        stack.wipeData();
        String output = stack.run(Duration.ofMinutes(8), "up");
        assertThat(output).contains("ChainHub is up");
    }

    @AfterAll
    static void down() {
        stack.run(Duration.ofMinutes(3), "down");
        Awaitility.await("no process of the stack left").atMost(Duration.ofSeconds(30))
                .until(() -> stack.leftovers().isEmpty());
    }

    @Test
    void shouldPublishObservedThenConfirmedWhenTransferIsMadeOnAnvil() {
        try (DevChain chain = DevChain.connect("http://localhost:" + stack.port(8545));
             KafkaTestConsumer transfers = KafkaTestConsumer.subscribe("localhost:" + stack.port(9092), Topics.TOKEN_TRANSFERS)) {
            DemoContracts demo = chain.deployDemoContracts(DevChain.account(0));
            TxResult tx = chain.transferErc20(DevChain.account(0), demo.token(), DevChain.account(1).getAddress(),
                    BigInteger.valueOf(1_000_000));
            chain.mine(2);

            List<ConsumerRecord<String, String>> records =
                    transfers.awaitRecords(record -> record.key().equals("31337:" + tx.txHash()), 2, WAIT);

            assertThat(records).extracting(record -> EventJson.mapper().readValue(record.value(), TransferEvent.class).status())
                    .containsExactly(TransferStatus.OBSERVED, TransferStatus.CONFIRMED);
        }
    }

    @Test
    void shouldShowTransfersNotificationsAlertsAndCustodyWhenDemoRuns() throws Exception {
        String output = stack.run(Duration.ofMinutes(3), "demo");

        Matcher summary = Pattern.compile("\\[demo] (\\d+) transfers on token-transfers, (\\d+) CONFIRMED").matcher(output);
        assertThat(summary.find()).as("demo summary in:%n%s", output).isTrue();
        assertThat(Integer.parseInt(summary.group(1))).isGreaterThanOrEqualTo(12);
        assertThat(summary.group(2)).isEqualTo(summary.group(1));
        assertThat(output).contains("OBSERVED  ERC1155").contains("CONFIRMED NATIVE").contains("\"chainId\":31337");
        assertThat(output).as("no part of the demo timed out or failed").doesNotContain("TIMEOUT").doesNotContain("FAILED")
                .doesNotContain("REJECTED");
        assertThat(output).contains("[notification] 2 webhook deliveries verified, 2 emails in the inbox")
                .contains("[fraud] 2 alerts raised (large-transfer, watchlist), 2 fraud.alert webhooks verified, 2 emails in the inbox")
                .contains("-> AWAITING_APPROVAL").contains("bob approved").contains("carol approved")
                .contains("-> CONFIRMING").contains("ledger balance ETH: available 1.5, held 0, pending 0");
        Matcher completed = Pattern.compile("\\[custody] withdrawal \\S+ COMPLETED: tx (0x[0-9a-f]{64})").matcher(output);
        assertThat(completed.find()).as("custody COMPLETED line in:%n%s", output).isTrue();
        try (DevChain chain = DevChain.connect("http://localhost:" + stack.port(8545))) {
            assertThat(chain.web3j().ethGetTransactionReceipt(completed.group(1)).send().getTransactionReceipt())
                    .as("the withdrawal's transaction on anvil").hasValueSatisfying(r -> assertThat(r.isStatusOK()).isTrue());
        }

        Matcher token = Pattern.compile("deployed DemoToken at (0x[0-9a-fA-F]{40})").matcher(output);
        assertThat(token.find()).isTrue();
        String viewer = stack.run(Duration.ofMinutes(1), "token", "viewer");
        String tokens = "http://localhost:" + stack.port(8084) + "/api/analytics/chains/31337/tokens?window=1h";
        Awaitility.await("demo token counted by analytics").atMost(Duration.ofSeconds(60))
                .until(() -> get(tokens, viewer).body().contains(token.group(1).toLowerCase()));
    }

    @Test
    void shouldDeliverSignedWebhookAndEmailWhenSubscribedTransferIsConfirmed() throws Exception {
        String receiverAddress = Keys.toChecksumAddress(Keys.getAddress(Keys.createEcKeyPair())).toLowerCase();
        try (WebhookReceiver receiver = new WebhookReceiver();
             DevChain chain = DevChain.connect("http://localhost:" + stack.port(8545))) {
            String subscription = """
                    {"name": "e2e", "eventTypes": ["transfer.confirmed"], "addresses": ["%s"], "addressRole": "RECEIVER",
                     "webhook": {"url": "%s"}, "email": "ops-e2e@example.com"}""".formatted(receiverAddress, receiver.url());
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + stack.port(8082) + "/api/subscriptions"))
                    .header("Authorization", "Bearer " + stack.run(Duration.ofMinutes(1), "token", "alice"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(subscription)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String secret = EventJson.mapper().readTree(created.body()).path("webhook").path("secret").asString();

            chain.sendEth(DevChain.account(0), receiverAddress, BigInteger.TEN.pow(15));
            chain.mine(2);

            Awaitility.await("signed webhook").atMost(WAIT.multipliedBy(3)).until(() -> !receiver.deliveries().isEmpty());
            WebhookReceiver.Delivery delivery = receiver.deliveries().getFirst();
            assertThat(delivery.body()).contains("transfer.confirmed").contains(receiverAddress);
            assertThat(WebhookReceiver.signedWith(secret, delivery)).as(delivery.toString()).isTrue();
            String inbox = "http://localhost:" + stack.port(8025) + "/api/v1/messages";
            Awaitility.await("email in the inbox").atMost(WAIT.multipliedBy(3))
                    .until(() -> get(inbox, null).body().contains("ops-e2e@example.com"));
        }
    }

    @Test
    void shouldRaiseAlertOnTopicAndInApiWhenLargeTransferIsMadeOnAnvil() throws Exception {
        try (DevChain chain = DevChain.connect("http://localhost:" + stack.port(8545));
             KafkaTestConsumer alerts = KafkaTestConsumer.subscribe("localhost:" + stack.port(9092), Topics.FRAUD_ALERTS)) {
            Credentials whale = fundedWallet(chain, 1_000);

            chain.sendEth(whale, freshAddress(), Convert.toWei("150", Convert.Unit.ETHER).toBigInteger()); // threshold: 100 ETH
            chain.mine(2);

            assertAlert(alerts, whale.getAddress(), "large-transfer");
        }
    }

    @Test
    void shouldRaiseAlertOnTopicAndInApiWhenTransferGoesToWatchlistedAddress() throws Exception {
        String listed = freshAddress();
        try (DevChain chain = DevChain.connect("http://localhost:" + stack.port(8545));
             KafkaTestConsumer alerts = KafkaTestConsumer.subscribe("localhost:" + stack.port(9092), Topics.FRAUD_ALERTS)) {
            Credentials payer = fundedWallet(chain, 10);
            addToWatchlist(listed);

            chain.sendEth(payer, listed, BigInteger.TEN.pow(15));
            chain.mine(2);

            assertAlert(alerts, payer.getAddress(), "watchlist");
        }
    }

    /**
     * Issues 5 and 6 through the whole suite: transfers of a fresh token on anvil raise a watchlist and a
     * large-transfer alert and are counted by analytics; a deep reorg (anvil_reorg of every block from the token's
     * deployment up, 7 blocks, deeper than the stack's confirmation depth of 2, well within the listener's reorg
     * window of 128) removes them after they were CONFIRMED: the listener publishes REVERTED (flagged deep) for
     * each, fraud retracts both alerts, and analytics' final figures for the token fall back to nothing.
     */
    @Test
    void shouldRetractAlertsAndZeroAnalyticsWhenReorgRemovesConfirmedTransfers() throws Exception {
        String listed = freshAddress();
        addToWatchlist(listed);
        try (DevChain chain = DevChain.connect("http://localhost:" + stack.port(8545));
             KafkaTestConsumer transfers = KafkaTestConsumer.subscribe("localhost:" + stack.port(9092), Topics.TOKEN_TRANSFERS);
             KafkaTestConsumer alerts = KafkaTestConsumer.subscribe("localhost:" + stack.port(9092), Topics.FRAUD_ALERTS)) {
            ReorgFlow flow = ReorgFlow.deployToken(chain, tokens(1_500_000));
            flow.transfer(freshAddress(), BigInteger.valueOf(1_250_000));
            flow.transfer(freshAddress(), BigInteger.valueOf(2_500_000));
            TxResult toListed = flow.transfer(listed, BigInteger.valueOf(7_000_000));
            TxResult large = flow.transfer(freshAddress(), tokens(1_000_000)); // large-transfer threshold: 1,000,000 tokens
            chain.mine(2); // the stack's confirmation depth: every transfer of the flow CONFIRMED
            int n = flow.transfers().size();

            List<TransferEvent> confirmed = awaitTransfers(transfers, flow, TransferStatus.CONFIRMED);
            assertThat(confirmed).extracting(TransferEvent::value)
                    .containsExactlyInAnyOrderElementsOf(flow.transfers().stream().map(made -> made.value().toString()).toList());
            FraudAlertEvent watchlist = awaitAlert(alerts, flow.sender(), "watchlist", FraudAlertEvent.AlertAction.RAISED);
            FraudAlertEvent largeTransfer = awaitAlert(alerts, flow.sender(), "large-transfer", FraudAlertEvent.AlertAction.RAISED);
            assertThat(watchlist.transferEventIds()).containsExactly(eventIdOf(confirmed, toListed));
            assertThat(largeTransfer.transferEventIds()).containsExactly(eventIdOf(confirmed, large));
            awaitAlertStatus(watchlist, "OPEN");
            awaitAlertStatus(largeTransfer, "OPEN");
            awaitTokenFigures(flow, TokenFigures.confirmed(n, flow.volume()));

            int depth = flow.reorgAway();

            assertThat(depth).isGreaterThan(2);
            for (ReorgFlow.Made made : flow.transfers()) {
                assertThat(chain.web3j().ethGetTransactionReceipt(made.txHash()).send().getTransactionReceipt())
                        .as("receipt of %s after the reorg", made.txHash()).isEmpty();
            }
            List<ConsumerRecord<String, String>> reverted = transfers.awaitRecords(
                    ofFlow(flow).and(status(TransferStatus.REVERTED)), n, Duration.ofMinutes(2));
            assertThat(reverted).extracting(record -> read(record).eventId())
                    .containsExactlyInAnyOrderElementsOf(confirmed.stream().map(TransferEvent::eventId).toList());
            assertThat(reverted).allSatisfy(record -> assertThat(record.headers().lastHeader(TransferHeaders.DEEP_REORG))
                    .as("deep-reorg header of %s", record.key()).isNotNull()
                    .extracting(header -> new String(header.value(), StandardCharsets.UTF_8)).isEqualTo("true"));
            assertThat(awaitAlert(alerts, flow.sender(), "watchlist", FraudAlertEvent.AlertAction.RETRACTED).alertId())
                    .isEqualTo(watchlist.alertId());
            assertThat(awaitAlert(alerts, flow.sender(), "large-transfer", FraudAlertEvent.AlertAction.RETRACTED).alertId())
                    .isEqualTo(largeTransfer.alertId());
            awaitAlertStatus(watchlist, "RETRACTED");
            awaitAlertStatus(largeTransfer, "RETRACTED");
            awaitTokenFigures(flow, TokenFigures.NONE);
        }
    }

    /** Whole tokens of DemoToken (6 decimals) in base units. */
    private static BigInteger tokens(long whole) {
        return BigInteger.valueOf(whole).multiply(BigInteger.TEN.pow(6));
    }

    /** One event of {@code status} for each of the flow's transfers, in the order they arrived. */
    private static List<TransferEvent> awaitTransfers(KafkaTestConsumer transfers, ReorgFlow flow, TransferStatus status) {
        return transfers.awaitRecords(ofFlow(flow).and(status(status)), flow.transfers().size(), Duration.ofMinutes(2))
                .stream().map(ChainHubUpIT::read).toList();
    }

    private static Predicate<ConsumerRecord<String, String>> ofFlow(ReorgFlow flow) {
        List<String> keys = flow.transferKeys();
        return record -> keys.contains(record.key());
    }

    private static Predicate<ConsumerRecord<String, String>> status(TransferStatus status) {
        return record -> read(record).status() == status;
    }

    private static TransferEvent read(ConsumerRecord<String, String> record) {
        return EventJson.mapper().readValue(record.value(), TransferEvent.class);
    }

    private static String eventIdOf(List<TransferEvent> events, TxResult tx) {
        return events.stream().filter(event -> event.txHash().equals(tx.txHash())).findFirst()
                .orElseThrow(() -> new AssertionError("no event of " + tx.txHash())).eventId();
    }

    /** The first alert of {@code rule} about {@code subject} with {@code action} on fraud-alerts (keyed by subject). */
    private static FraudAlertEvent awaitAlert(KafkaTestConsumer alerts, String subject, String rule,
                                              FraudAlertEvent.AlertAction action) {
        ConsumerRecord<String, String> record = alerts.awaitRecord(r -> r.key().equals(subject)
                && readAlert(r).ruleId().equals(rule) && readAlert(r).action() == action, Duration.ofMinutes(2));
        return readAlert(record);
    }

    private static FraudAlertEvent readAlert(ConsumerRecord<String, String> record) {
        return EventJson.mapper().readValue(record.value(), FraudAlertEvent.class);
    }

    /** The alert's status in the fraud REST API ({@code GET /api/alerts/{id}}). */
    private static void awaitAlertStatus(FraudAlertEvent alert, String status) throws Exception {
        String api = "http://localhost:" + stack.port(8083) + "/api/alerts/" + alert.alertId();
        String viewer = stack.run(Duration.ofMinutes(1), "token", "viewer");
        Awaitility.await(alert.ruleId() + " alert " + status + " in the fraud API").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    HttpResponse<String> response = get(api, viewer);
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    assertThat(EventJson.mapper().readTree(response.body()).path("alert").path("status").asString())
                            .as(response.body()).isEqualTo(status);
                });
    }

    /** The token's figures summed over its daily windows in the analytics query API. */
    private static void awaitTokenFigures(ReorgFlow flow, TokenFigures expected) throws Exception {
        String series = "http://localhost:" + stack.port(8084) + "/api/analytics/chains/31337/tokens/" + flow.token()
                + "/series?window=1d";
        String viewer = stack.run(Duration.ofMinutes(1), "token", "viewer");
        Awaitility.await("analytics figures of " + flow.token()).atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    HttpResponse<String> response = get(series, viewer);
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    assertThat(TokenFigures.ofSeries(response.body())).as(response.body()).isEqualTo(expected);
                });
    }

    private static void addToWatchlist(String address) throws Exception {
        HttpResponse<String> added = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + stack.port(8083)
                        + "/api/watchlists/watchlist/addresses/" + address))
                .header("Authorization", "Bearer " + stack.run(Duration.ofMinutes(1), "token", "alice"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"label\": \"e2e\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    }

    /** A RAISED alert of {@code rule} about {@code subject} on fraud-alerts (keyed by subject), then in the REST API. */
    private static void assertAlert(KafkaTestConsumer alerts, String subject, String rule) throws Exception {
        ConsumerRecord<String, String> record = alerts.awaitRecord(r -> r.key().equals(subject) && r.value().contains(rule),
                WAIT.multipliedBy(3));
        FraudAlertEvent alert = EventJson.mapper().readValue(record.value(), FraudAlertEvent.class);
        assertThat(alert.ruleId()).isEqualTo(rule);
        assertThat(alert.action()).isEqualTo(FraudAlertEvent.AlertAction.RAISED);
        String api = "http://localhost:" + stack.port(8083) + "/api/alerts?subject=" + subject;
        String viewer = stack.run(Duration.ofMinutes(1), "token", "viewer");
        Awaitility.await(rule + " alert in the fraud API").atMost(WAIT)
                .until(() -> get(api, viewer).body().contains("\"ruleId\":\"" + rule + "\""));
        assertThat(get(api, viewer).body()).contains(alert.alertId());
    }

    /** A new wallet with {@code ether} set by anvil: no funding transfer that the fraud rules would also see. */
    private static Credentials fundedWallet(DevChain chain, long ether) throws Exception {
        Credentials wallet = Credentials.create(Keys.createEcKeyPair());
        BigInteger wei = Convert.toWei(Long.toString(ether), Convert.Unit.ETHER).toBigInteger();
        chain.rpc("anvil_setBalance", wallet.getAddress(), "0x" + wei.toString(16));
        return wallet;
    }

    private static String freshAddress() throws Exception {
        return Credentials.create(Keys.createEcKeyPair()).getAddress();
    }

    @ParameterizedTest
    @ValueSource(ints = {8081, 8082, 8083, 8084, 8085})
    void shouldAnswer401ProblemWithoutTokenAnd200WithOne(int usualPort) throws Exception {
        String base = "http://localhost:" + stack.port(usualPort);
        HttpResponse<String> health = get(base + "/actuator/health/readiness", null);
        String api = apiOf(usualPort);

        HttpResponse<String> anonymous = get(base + api, null);
        HttpResponse<String> viewer = get(base + api, stack.run(Duration.ofMinutes(1), "token", "viewer"));

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(viewer.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldSayAlreadyRunningAndChangeNothingWhenUpTwice() {
        assertThat(stack.run(Duration.ofMinutes(1), "up")).contains("already running");
        assertThat(stack.run(Duration.ofMinutes(1), "status")).contains("listener-service").doesNotContain("down ");
    }

    private static String apiOf(int usualPort) {
        return switch (usualPort) {
            case 8081 -> "/api/chains";
            case 8082 -> "/api/subscriptions";
            case 8083 -> "/api/alerts";
            case 8084 -> "/api/stats/summary";
            default -> "/api/accounts";
        };
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
