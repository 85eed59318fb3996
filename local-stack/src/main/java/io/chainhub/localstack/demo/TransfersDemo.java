package io.chainhub.localstack.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Shows the scenario's transfers arriving on {@code token-transfers}: OBSERVED, then CONFIRMED. */
final class TransfersDemo {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final String bootstrapServers;

    TransfersDemo(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    void show(long firstBlock) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
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
            System.out.println("[demo] TIMEOUT: not everything arrived within " + WAIT.toSeconds()
                    + " s: is the listener up? ./chainhub status, ./chainhub logs listener-service");
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
                DemoText.shortAddress(event.from()), DemoText.shortAddress(event.to()), what);
    }
}
