package io.chainhub.listener.replay;

import java.math.BigInteger;
import java.time.Duration;

import io.chainhub.devchain.DemoContracts;
import io.chainhub.devchain.DevChain;
import io.chainhub.devchain.TxResult;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;
import io.chainhub.listener.ingest.ChainFollowers;
import io.chainhub.listener.ingest.FollowerProgress;
import io.chainhub.testsupport.ChainHubIntegrationTest;
import io.chainhub.testsupport.KafkaTestConsumer;
import io.chainhub.testsupport.TestInfrastructure;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ChainHubIntegrationTest
class ReplayIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    ChainFollowers followers;

    private final String operator = TestInfrastructure.get().tokens().bearer("alice", "operator");

    @Test
    void shouldReemitConfirmedTransfersOfRangeToReplayTopicWithoutTouchingLiveTopic() {
        RestClient http = client();
        try (DevChain chain = DevChain.connect(TestInfrastructure.get().anvil().httpUrl());
             KafkaTestConsumer replay = KafkaTestConsumer.subscribe(Topics.TRANSFER_REPLAY);
             KafkaTestConsumer live = KafkaTestConsumer.subscribe(Topics.TOKEN_TRANSFERS)) {
            FollowerProgress.awaitCaughtUp(followers, chain, WAIT);
            DemoContracts demo = chain.deployDemoContracts(DevChain.account(0));
            TxResult tx = chain.transferErc20(DevChain.account(0), demo.token(), DevChain.account(2).getAddress(),
                    BigInteger.valueOf(31));
            chain.mine(3);
            live.awaitRecords(r -> r.key().endsWith(tx.txHash()), 2, WAIT);

            ResponseEntity<String> started = http.post().uri("/api/chains/31337/replay")
                    .header(HttpHeaders.AUTHORIZATION, operator).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"fromBlock\":" + tx.blockNumber() + ",\"toBlock\":" + tx.blockNumber() + "}")
                    .retrieve().toEntity(String.class);

            assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            TransferEvent replayed = EventJson.mapper().readValue(
                    replay.awaitRecord(r -> r.key().endsWith(tx.txHash()), WAIT).value(), TransferEvent.class);
            assertThat(replayed.status()).isEqualTo(TransferStatus.CONFIRMED);
            assertThat(replayed.value()).isEqualTo("31");
            String progress = started.getHeaders().getLocation().toString();
            Awaitility.await().atMost(WAIT).until(() -> http.get().uri(progress).header(HttpHeaders.AUTHORIZATION, operator)
                    .retrieve().body(String.class).contains("\"state\":\"COMPLETED\""));
            assertThat(live.received().stream().filter(r -> r.key().endsWith(tx.txHash()))).hasSize(2);
        }
    }

    @Test
    void shouldRefuseLiveTopicWith422Problem() {
        ResponseEntity<String> response = client().post().uri("/api/chains/31337/replay")
                .header(HttpHeaders.AUTHORIZATION, operator).contentType(MediaType.APPLICATION_JSON)
                .body("{\"fromBlock\":0,\"toBlock\":1,\"topic\":\"token-transfers\"}").retrieve().toEntity(String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains("is live");
    }

    @Test
    void shouldAnswer400WhenRangeMissing() {
        ResponseEntity<String> response = client().post().uri("/api/chains/31337/replay")
                .header(HttpHeaders.AUTHORIZATION, operator).contentType(MediaType.APPLICATION_JSON)
                .body("{\"toBlock\":1}").retrieve().toEntity(String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("fromBlock");
    }

    private RestClient client() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }
}
