package io.chainhub.saga.it;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.chainhub.events.custody.ChainCommand;
import io.chainhub.events.custody.ChainReply;
import io.chainhub.events.custody.ScreeningCommand;
import io.chainhub.events.custody.ScreeningReply;
import io.chainhub.events.kafka.CloudEvent;
import io.chainhub.events.kafka.CloudEventHeaders;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.topics.Topics;
import io.chainhub.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Stand-ins for fraud-service and the chain gateway that speak the same contract over the real
 * broker: screening APPROVEs unless the destination is {@link #SANCTIONED}; the gateway answers
 * BROADCAST then CONFIRMED with a deterministic tx hash. Like the real participants, they are
 * idempotent: a command delivered again (same ce_id) is answered again with the same reply ids and
 * signs nothing new; {@link #signatures(String)} counts the distinct sign commands of a withdrawal,
 * each of which a gateway that deduplicates on ce_id would sign. One per test JVM.
 */
public final class TestParticipants {

    public static final String SANCTIONED = "0x00000000000000000000000000000000000bad01";

    private static volatile TestParticipants instance;

    private final KafkaProducer<String, String> producer;
    private final Map<String, Set<String>> signedCommands = new ConcurrentHashMap<>();
    private volatile boolean silent;

    private TestParticipants() {
        String servers = TestInfrastructure.get().kafkaBootstrapServers();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-participants-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.SCREENING_COMMANDS, Topics.CHAIN_GATEWAY_COMMANDS));
        Thread.ofPlatform().daemon().name("test-participants").start(() -> {
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    if (silent) {
                        continue;
                    }
                    if (record.topic().equals(Topics.SCREENING_COMMANDS)) {
                        screen(EventJson.mapper().readValue(record.value(), ScreeningCommand.class));
                    } else {
                        String ceId = CloudEventHeaders.read(record.headers()).map(CloudEvent::id).orElseThrow();
                        broadcast(ceId, EventJson.mapper().readValue(record.value(), ChainCommand.class));
                    }
                }
            }
        });
    }

    public static synchronized void start() {
        if (instance == null) {
            instance = new TestParticipants();
        }
    }

    /** While silent, commands are read and left unanswered (the benchmark answers them itself, in bulk). */
    public static void silence(boolean silent) {
        instance.silent = silent;
    }

    /** How many distinct sign commands (by ce_id) the stand-in gateway signed for {@code withdrawalId}. */
    public static int signatures(String withdrawalId) {
        return instance.signedCommands.getOrDefault(withdrawalId, Set.of()).size();
    }

    private void screen(ScreeningCommand command) {
        boolean sanctioned = SANCTIONED.equals(command.destination());
        ScreeningReply reply = new ScreeningReply(command.commandId(), command.withdrawalId(),
                sanctioned ? ScreeningReply.ScreeningDecision.REJECT : ScreeningReply.ScreeningDecision.APPROVE,
                sanctioned ? List.of("destination sanctioned") : List.of(), sanctioned ? 100 : 0, Instant.now());
        send(Topics.SCREENING_REPLIES, command.withdrawalId(), command.commandId() + ":reply", ScreeningReply.TYPE, reply);
    }

    private void broadcast(String ceId, ChainCommand command) {
        if (command.action() == ChainCommand.Action.SIGN_AND_BROADCAST) {
            signedCommands.computeIfAbsent(command.withdrawalId(), id -> ConcurrentHashMap.newKeySet()).add(ceId);
        }
        String txHash = "0x" + sha256(command.withdrawalId());
        send(Topics.CHAIN_GATEWAY_REPLIES, command.withdrawalId(), command.withdrawalId() + ":broadcast:" + txHash,
                ChainReply.TYPE, new ChainReply(command.withdrawalId() + ":broadcast", command.withdrawalId(),
                        ChainReply.Outcome.BROADCAST, txHash, null, null, 0, null, Instant.now()));
        send(Topics.CHAIN_GATEWAY_REPLIES, command.withdrawalId(), command.withdrawalId() + ":confirmed:" + txHash,
                ChainReply.TYPE, new ChainReply(command.withdrawalId() + ":confirmed", command.withdrawalId(),
                        ChainReply.Outcome.CONFIRMED, txHash, 7L, "0x" + sha256("block"), command.confirmations(), null,
                        Instant.now()));
    }

    private void send(String topic, String key, String id, String type, Object payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, EventJson.mapper().writeValueAsString(payload));
        CloudEventHeaders.write(record.headers(), new CloudEvent(id, "/test/participants", type, Instant.now(), key));
        producer.send(record);
        producer.flush();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<String> none() {
        return Set.of();
    }
}
