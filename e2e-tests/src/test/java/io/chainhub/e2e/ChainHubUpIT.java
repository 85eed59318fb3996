package io.chainhub.e2e;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.chainhub.devchain.DemoContracts;
import io.chainhub.devchain.DevChain;
import io.chainhub.devchain.TxResult;
import io.chainhub.events.fraud.FraudAlertEvent;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TransferEvent;
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
            assertThat(delivery.headers().get("webhook-signature"))
                    .contains("v1," + sign(secret, delivery.headers().get("webhook-id"),
                            delivery.headers().get("webhook-timestamp"), delivery.body()));
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
            HttpResponse<String> added = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + stack.port(8083)
                            + "/api/watchlists/watchlist/addresses/" + listed))
                    .header("Authorization", "Bearer " + stack.run(Duration.ofMinutes(1), "token", "alice"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"label\": \"e2e\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);

            chain.sendEth(payer, listed, BigInteger.TEN.pow(15));
            chain.mine(2);

            assertAlert(alerts, payer.getAddress(), "watchlist");
        }
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

    /** Standard Webhooks: base64 HMAC-SHA256 of "id.timestamp.body" with the base64 key after "whsec_". */
    private static String sign(String secret, String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
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
