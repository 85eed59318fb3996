package io.chainhub.analytics.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.chainhub.analytics.TransferPublisher;
import io.chainhub.analytics.WindowSpec;
import io.chainhub.events.transfer.TokenRef;
import io.chainhub.events.transfer.TokenStandard;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;
import io.chainhub.testsupport.ChainHubIntegrationTest;
import io.chainhub.testsupport.TestInfrastructure;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Closed windows go to PostgreSQL; history beyond the stores' retention is served from there. */
@ChainHubIntegrationTest
class RollupIT {

    private static final long CHAIN = 31337;

    @Autowired
    RollupJob job;
    @Autowired
    RollupRepository repository;
    @LocalServerPort
    int port;
    @Autowired
    StreamsBuilderFactoryBean streams;

    private String token;

    @BeforeEach
    void setUp() {
        // the stores answer only once every stream thread is RUNNING (restoring can take a while on a busy machine)
        await("Kafka Streams running").atMost(Duration.ofMinutes(2)).until(() -> streams.getKafkaStreams() != null
                && streams.getKafkaStreams().state() == KafkaStreams.State.RUNNING);
        byte[] address = new byte[20];
        ThreadLocalRandom.current().nextBytes(address);
        token = "0x" + HexFormat.of().formatHex(address);
    }

    @Test
    void shouldWriteConfirmedFiguresOfClosedWindowsWhenRollingUp() {
        Instant blockTime = Instant.now().minus(Duration.ofMinutes(30));
        TransferEvent transfer = new TransferEvent(CHAIN + ":0x" + token.substring(2) + "00:0", TransferStatus.CONFIRMED,
                CHAIN, 5000, "0xb5000" + token.substring(2, 10), blockTime.getEpochSecond(),
                "0x" + token.substring(2) + "0".repeat(24), 0, TokenStandard.ERC20, new TokenRef(token, "RLP", 6),
                "0x70997970c51812dc3a010c7d01b50e0d17dc79c8", "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc", "4200",
                null, 12);
        try (TransferPublisher publisher = new TransferPublisher(TestInfrastructure.get().kafkaBootstrapServers())) {
            publisher.publish(List.of(transfer));
        }
        Instant minute = blockTime.truncatedTo(ChronoUnit.MINUTES);

        // as if the job ran a day later: the window is closed (end + grace passed) and still in the store
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            job.rollUp(WindowSpec.MINUTE, minute.minus(Duration.ofMinutes(1)), minute.plus(Duration.ofDays(1)));
            assertThat(repository.find(CHAIN, token, 60, minute, minute.plusSeconds(60)))
                    .containsExactly(new RollupRow(CHAIN, token, 60, minute, 1, BigInteger.valueOf(4200)));
        });
    }

    @Test
    void shouldServeHistoryFromRollupWhenOlderThanRetention() {
        Instant day = Instant.now().minus(Duration.ofDays(100)).truncatedTo(ChronoUnit.DAYS);
        repository.upsert(new RollupRow(CHAIN, token, 86_400, day, 7, new BigInteger("7000000")));

        String body = RestClient.create("http://localhost:" + port).get()
                .uri("/api/analytics/chains/{chain}/tokens/{token}/series?window=1d&from={from}&to={to}", CHAIN, token,
                        day.minus(Duration.ofDays(5)), day.plus(Duration.ofDays(5)))
                .header(HttpHeaders.AUTHORIZATION, TestInfrastructure.get().tokens().bearer("viewer", "viewer"))
                .retrieve().body(String.class);

        JsonNode bucket = JsonMapper.builder().build().readTree(body).path("buckets").get(0);
        assertThat(bucket.path("source").asString()).isEqualTo("rollup");
        assertThat(bucket.path("start").asString()).isEqualTo(day.toString());
        assertThat(bucket.at("/confirmed/transfers").asLong()).isEqualTo(7);
        assertThat(bucket.at("/confirmed/volume").asString()).isEqualTo("7000000");
        assertThat(bucket.path("isFinal").asBoolean()).isTrue();
    }
}
