package io.chainhub.analytics;

import static io.chainhub.analytics.TokenTransfers.ALICE;
import static io.chainhub.analytics.TokenTransfers.BOB;
import static io.chainhub.analytics.TokenTransfers.CAROL;
import static io.chainhub.analytics.TokenTransfers.CHAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.localstack.postgres.Postgres;
import io.chainhub.testsupport.TempDirs;
import io.chainhub.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The aggregates survive a restart that lost the local state: the second instance of the same application id
 * starts on an empty state directory, so Streams restores every store from its changelog, the party stores
 * (batches of rows) included. Top senders come back as they were, and a later transfer of a known sender
 * does not count it as a new unique sender (which it would if its party row had been lost).
 */
class StateRestoreIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestInfrastructure infra = TestInfrastructure.get();
    private final String applicationId = infra.uniqueName("analytics-restore");
    private final String database = infra.createDatabase();
    private final Instant blockTime = Instant.now().minusSeconds(5);
    private final TokenTransfers transfers = new TokenTransfers(blockTime);
    private final String token = transfers.token();

    @Test
    void shouldServeSamePartiesAndUniquesWhenRestartedOnEmptyState() throws Exception {
        try (TransferPublisher publisher = new TransferPublisher(infra.kafkaBootstrapServers())) {
            try (ConfigurableApplicationContext first = start()) {
                publisher.publish(List.of(transfer(1, ALICE, BOB, "3000"), transfer(2, ALICE, CAROL, "2000"),
                        transfer(3, BOB, CAROL, "1500")));
                awaitAnswers(first, this::shouldShowFirstThree);
            }

            try (ConfigurableApplicationContext second = start()) {
                awaitAnswers(second, this::shouldShowFirstThree);

                publisher.publish(List.of(transfer(4, ALICE, BOB, "4000")));

                awaitAnswers(second, (series, top) -> {
                    assertThat(series.at("/total/transfers").asLong()).isEqualTo(4);
                    assertThat(series.at("/total/uniqueSenders").asLong()).isEqualTo(2);
                    assertThat(series.at("/total/uniqueReceivers").asLong()).isEqualTo(2);
                    assertThat(top.at("/senders/0/address").asString()).isEqualTo(ALICE);
                    assertThat(top.at("/senders/0/volume").asString()).isEqualTo("9000");
                });
            }
        }
    }

    private void shouldShowFirstThree(JsonNode series, JsonNode top) {
        assertThat(series.at("/total/transfers").asLong()).isEqualTo(3);
        assertThat(series.at("/total/uniqueSenders").asLong()).isEqualTo(2);
        assertThat(series.at("/total/uniqueReceivers").asLong()).isEqualTo(2);
        assertThat(top.at("/senders/0/address").asString()).isEqualTo(ALICE);
        assertThat(top.at("/senders/0/volume").asString()).isEqualTo("5000");
        assertThat(top.at("/senders/1/address").asString()).isEqualTo(BOB);
        assertThat(top.at("/receivers/0/address").asString()).isEqualTo(CAROL);
        assertThat(top.at("/receivers/0/transfers").asLong()).isEqualTo(2);
    }

    /** Each start gets a new, empty state directory: nothing local survives, only the changelogs. */
    private ConfigurableApplicationContext start() throws Exception {
        return new SpringApplicationBuilder(AnalyticsApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                "--spring.kafka.streams.application-id=" + applicationId,
                "--spring.kafka.streams.state-dir=" + TempDirs.create("analytics-restore"),
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + Postgres.USER,
                "--spring.datasource.password=" + Postgres.PASSWORD,
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + infra.tokens().publicKeyLocation(),
                "--chainhub.analytics.grace=2h");
    }

    private void awaitAnswers(ConfigurableApplicationContext app, Answers assertions) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        RestClient http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, infra.tokens().bearer("viewer", "viewer"))
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
        String tokenPath = "/api/analytics/chains/" + CHAIN + "/tokens/" + token;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            ResponseEntity<String> series = http.get().uri(tokenPath + "/series?window=1h").retrieve().toEntity(String.class);
            ResponseEntity<String> top = http.get().uri(tokenPath + "/top?window=1h&at=" + blockTime)
                    .retrieve().toEntity(String.class);
            assertThat(series.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(top.getStatusCode()).isEqualTo(HttpStatus.OK);
            JsonNode buckets = JSON.readTree(series.getBody()).path("buckets");
            assertThat(buckets.size()).isEqualTo(1);
            assertions.check(buckets.get(0), JSON.readTree(top.getBody()));
        });
    }

    @FunctionalInterface
    private interface Answers {
        void check(JsonNode hourOfSeries, JsonNode top);
    }

    private TransferEvent transfer(int n, String from, String to, String value) {
        return transfers.observed(n, from, to, value);
    }
}
