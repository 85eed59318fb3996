package io.chainhub.analytics.query;

import static io.chainhub.analytics.TokenTransfers.ALICE;
import static io.chainhub.analytics.TokenTransfers.BOB;
import static io.chainhub.analytics.TokenTransfers.CAROL;
import static io.chainhub.analytics.TokenTransfers.CHAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.chainhub.analytics.TokenTransfers;
import io.chainhub.analytics.TransferPublisher;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;
import io.chainhub.testsupport.ChainHubIntegrationTest;
import io.chainhub.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Transfers published to the real broker (transactionally, with CloudEvents headers) show up in
 * the query API; a REVERTED takes its transfer out of the final figures. Each test uses its own
 * token contract address, so tests share one application context and broker.
 */
@ChainHubIntegrationTest
class AnalyticsQueryIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private RestClient http;
    private TransferPublisher publisher;
    private final Instant blockTime = Instant.now().minusSeconds(5);
    private final TokenTransfers transfers = new TokenTransfers(blockTime);
    private final String token = transfers.token();

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestInfrastructure.get().tokens().bearer("viewer", "viewer"))
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
        publisher = new TransferPublisher(TestInfrastructure.get().kafkaBootstrapServers());
    }

    @AfterEach
    void tearDown() {
        publisher.close();
    }

    @Test
    void shouldServeCountsVolumeAndUniquePartiesWhenTransfersPublished() {
        publisher.publish(List.of(transfer(1, ALICE, BOB, "1500000000000000000"),
                transfer(2, ALICE, CAROL, "2500000000000000000"), transfer(3, BOB, CAROL, "1000000000000000000")));

        awaitBucket(bucket -> {
            assertThat(bucket.at("/total/transfers").asLong()).isEqualTo(3);
            assertThat(bucket.at("/provisional/volume").asString()).isEqualTo("5000000000000000000");
            assertThat(bucket.at("/provisional/volumeDecimal").asString()).isEqualTo("5");
            assertThat(bucket.at("/total/uniqueSenders").asLong()).isEqualTo(2);
            assertThat(bucket.at("/total/uniqueReceivers").asLong()).isEqualTo(2);
            assertThat(bucket.at("/confirmed/transfers").asLong()).isZero();
            assertThat(bucket.path("isFinal").isBoolean()).isTrue();
            assertThat(bucket.path("isFinal").asBoolean()).isFalse();
        });
    }

    @Test
    void shouldKeepOnlyConfirmedFiguresWhenOneTransferIsReverted() {
        TransferEvent kept = transfer(1, ALICE, BOB, "1500000000000000000");
        TransferEvent reorged = transfer(2, ALICE, CAROL, "2500000000000000000");
        publisher.publish(List.of(kept, reorged));
        awaitBucket(bucket -> assertThat(bucket.at("/total/transfers").asLong()).isEqualTo(2));

        publisher.publish(List.of(reorged.withStatus(TransferStatus.REVERTED, 0),
                kept.withStatus(TransferStatus.CONFIRMED, 12), kept.withStatus(TransferStatus.CONFIRMED, 12)));

        awaitBucket(bucket -> {
            assertThat(bucket.at("/confirmed/transfers").asLong()).isEqualTo(1);
            assertThat(bucket.at("/confirmed/volume").asString()).isEqualTo("1500000000000000000");
            assertThat(bucket.at("/provisional/transfers").asLong()).isZero();
            assertThat(bucket.at("/total/transfers").asLong()).isEqualTo(1);
            assertThat(bucket.at("/total/uniqueReceivers").asLong()).isEqualTo(1);
            assertThat(bucket.at("/confirmed/uniqueReceivers").asLong()).isEqualTo(1);
        });
    }

    @Test
    void shouldRankTopSendersByVolumeWhenAsked() {
        publisher.publish(List.of(transfer(1, ALICE, BOB, "1000"), transfer(2, BOB, CAROL, "5000"),
                transfer(3, ALICE, CAROL, "1000")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode top = json(get("/api/analytics/chains/" + CHAIN + "/tokens/" + token + "/top?window=1h&at="
                    + blockTime));
            assertThat(top.at("/senders/0/address").asString()).isEqualTo(BOB);
            assertThat(top.at("/senders/1/address").asString()).isEqualTo(ALICE);
            assertThat(top.at("/senders/1/transfers").asLong()).isEqualTo(2);
            assertThat(top.at("/receivers/0/address").asString()).isEqualTo(CAROL);
        });
    }

    @Test
    void shouldSayUpToWhichBlockItIsCompleteWhenAnswering() {
        publisher.publish(List.of(transfer(1, ALICE, BOB, "1000")));

        awaitBucket(bucket -> assertThat(bucket.at("/total/transfers").asLong()).isEqualTo(1));
        JsonNode series = json(get(seriesPath()));
        assertThat(series.at("/completeness/completeThroughBlock").asLong()).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void shouldAnswer400ProblemWhenWindowUnknown() {
        ResponseEntity<String> response = get("/api/analytics/chains/" + CHAIN + "/tokens/" + token
                + "/series?window=5m");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("window must be one of 1m, 1h, 1d");
    }

    @Test
    void shouldAnswer400ProblemWhenTokenIsNoAddress() {
        ResponseEntity<String> response = get("/api/analytics/chains/" + CHAIN + "/tokens/0x1234/series");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void shouldAnswer400ProblemWhenLimitOutOfRange() {
        // MVC's own method validation (no @Validated proxy on the controller) must still refuse it
        ResponseEntity<String> response = get("/api/analytics/chains/" + CHAIN + "/tokens/" + token
                + "/top?window=1h&limit=0");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody()).contains("limit");
    }

    /** Waits until the token's only hourly window satisfies {@code assertions}. */
    private void awaitBucket(java.util.function.Consumer<JsonNode> assertions) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            ResponseEntity<String> response = get(seriesPath());
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            JsonNode buckets = json(response).path("buckets");
            assertThat(buckets.size()).isEqualTo(1);
            assertions.accept(buckets.get(0));
        });
    }

    private String seriesPath() {
        return "/api/analytics/chains/" + CHAIN + "/tokens/" + token + "/series?window=1h";
    }

    private TransferEvent transfer(int n, String from, String to, String value) {
        return transfers.observed(n, from, to, value);
    }

    private ResponseEntity<String> get(String path) {
        return http.get().uri(path).retrieve().toEntity(String.class);
    }

    private static JsonNode json(ResponseEntity<String> response) {
        return JSON.readTree(response.getBody());
    }
}
