package io.chainhub.localstack.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.chainhub.devchain.DemoScenario;
import io.chainhub.devchain.DevChain;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;
import io.chainhub.localstack.auth.JwtKeys;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code ./chainhub demo}: runs the demo scenario on the local anvil, buries it under enough blocks to be
 * confirmed, then shows its transfers arriving on {@code token-transfers} (OBSERVED, then CONFIRMED) and
 * the listener's chain status, and says where to look next.
 */
public final class DemoRun {

    private static final int CONFIRMATIONS = 2;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final int offset;
    private final JwtKeys keys;

    public DemoRun(int offset, JwtKeys keys) {
        this.offset = offset;
        this.keys = keys;
    }

    public void run() throws Exception {
        String rpc = "http://localhost:" + (8545 + offset);
        long firstBlock;
        try (DevChain chain = DevChain.connect(rpc)) {
            System.out.println("[demo] connected to " + rpc + " (chain id " + chain.chainId() + ")");
            firstBlock = chain.blockNumber() + 1;
            new DemoScenario(chain).run();
            chain.mine(CONFIRMATIONS); // automine only mines on transactions: bury the last ones
        }
        showTransfers(firstBlock);
        showChainStatus();
        System.out.printf("""

                Where to look:
                  dashboard        http://localhost:%d/dashboard/#token=%s
                  chain status     curl -H "Authorization: Bearer $(./chainhub token viewer)" http://localhost:%d/api/chains
                  listener API     http://localhost:%d/swagger-ui.html
                  all transfers    kcat -b localhost:%d -C -t token-transfers -o beginning -e
                  mail inbox       http://localhost:%d
                """, 8084 + offset, keys.mintForDemoUser("viewer"), 8081 + offset, 8081 + offset, 9092 + offset,
                8025 + offset);
    }

    private void showTransfers(long firstBlock) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + (9092 + offset),
                ConsumerConfig.GROUP_ID_CONFIG, "chainhub-demo-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, TransferStatus> latest = new LinkedHashMap<>();
        Instant deadline = Instant.now().plus(WAIT);
        System.out.println("[demo] waiting for the listener to publish them on token-transfers ...");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.TOKEN_TRANSFERS));
            while (Instant.now().isBefore(deadline) && (latest.isEmpty() || latest.containsValue(TransferStatus.OBSERVED))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    TransferEvent event = EventJson.mapper().readValue(record.value(), TransferEvent.class);
                    if (event.blockNumber() >= firstBlock) {
                        latest.put(event.eventId(), event.status());
                        System.out.println("  " + describe(event));
                    }
                }
            }
        }
        long confirmed = latest.values().stream().filter(TransferStatus.CONFIRMED::equals).count();
        System.out.printf("[demo] %d transfers on token-transfers, %d CONFIRMED%n", latest.size(), confirmed);
        if (latest.isEmpty() || confirmed < latest.size()) {
            System.out.println("[demo] not everything arrived within " + WAIT.toSeconds()
                    + " s: is the listener up? ./chainhub status, ./chainhub logs listener-service");
        }
    }

    private void showChainStatus() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + (8081 + offset) + "/api/chains"))
                .header("Authorization", "Bearer " + keys.mintForDemoUser("viewer")).timeout(Duration.ofSeconds(5)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            System.out.println("[demo] chain status (GET /api/chains): " + response.body());
        } catch (java.io.IOException e) {
            System.out.println("[demo] listener API not reachable: " + e.getMessage());
        }
    }

    private static String describe(TransferEvent event) {
        String what = switch (event.standard()) {
            case NATIVE -> event.value() + " wei";
            case ERC20 -> event.value() + " base units of " + event.token().symbol() + " (" + event.token().decimals() + " decimals)";
            case ERC721 -> event.token().symbol() + " #" + event.tokenId();
            case ERC1155 -> event.value() + " x id " + event.tokenId();
        };
        return String.format("%-9s %-7s block %-4d %s -> %s  %s", event.status(), event.standard(), event.blockNumber(),
                shortAddress(event.from()), shortAddress(event.to()), what);
    }

    private static String shortAddress(String address) {
        return address == null ? "(none)" : address.substring(0, 6) + "…" + address.substring(address.length() - 4);
    }
}
