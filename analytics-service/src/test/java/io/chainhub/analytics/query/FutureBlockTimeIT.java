package io.chainhub.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.chainhub.analytics.TransferPublisher;
import io.chainhub.events.transfer.TokenRef;
import io.chainhub.events.transfer.TokenStandard;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;
import io.chainhub.testsupport.ChainHubIntegrationTest;
import io.chainhub.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chain whose clock leads the broker's by more than an hour (anvil time warps; the benchmark's fast
 * synthetic chain found it): internal records carry block time, which a Kafka 4 broker refused by
 * default, and the Streams client shut down. The transfer must be counted and Streams keep running.
 * Its own chain id, so the shared chain's progress and other tests' windows are not moved; 65 min
 * ahead stays within the tests' 2 h grace of the other tests' windows.
 */
@ChainHubIntegrationTest
class FutureBlockTimeIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ALICE = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    private static final String BOB = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";

    @LocalServerPort
    int port;

    @Test
    void shouldCountATransferWhenItsBlockTimeIsMoreThanAnHourAhead() {
        long chain = 40_000 + ThreadLocalRandom.current().nextInt(10_000);
        byte[] address = new byte[20];
        ThreadLocalRandom.current().nextBytes(address);
        String token = "0x" + HexFormat.of().formatHex(address);
        Instant blockTime = Instant.now().plus(Duration.ofMinutes(65)).truncatedTo(ChronoUnit.SECONDS);
        String txHash = "0x" + token.substring(2) + "00".repeat(12);
        TransferEvent transfer = new TransferEvent(chain + ":" + txHash + ":0", TransferStatus.OBSERVED, chain, 7000,
                "0xb7000" + token.substring(2, 12), blockTime.getEpochSecond(), txHash, 0, TokenStandard.ERC20,
                new TokenRef(token, "TST", 18), ALICE, BOB, "1000", null, 0);
        try (TransferPublisher publisher = new TransferPublisher(TestInfrastructure.get().kafkaBootstrapServers())) {
            publisher.publish(List.of(transfer));
        }
        RestClient http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestInfrastructure.get().tokens().bearer("viewer", "viewer"))
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
        String series = "/api/analytics/chains/" + chain + "/tokens/" + token + "/series?window=1h&from="
                + blockTime.minus(Duration.ofHours(2)) + "&to=" + blockTime.plus(Duration.ofHours(1));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            ResponseEntity<String> response = http.get().uri(series).retrieve().toEntity(String.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            JsonNode buckets = JSON.readTree(response.getBody()).path("buckets");
            assertThat(buckets.size()).isEqualTo(1);
            assertThat(buckets.get(0).at("/total/transfers").asLong()).isEqualTo(1);
        });
    }
}
