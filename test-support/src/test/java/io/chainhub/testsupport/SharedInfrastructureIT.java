package io.chainhub.testsupport;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.chainhub.events.topics.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedInfrastructureIT {

    private final TestInfrastructure infra = TestInfrastructure.get();

    @Test
    void shouldDeliverOnlyCommittedRecordsToReadCommittedConsumers() {
        String key = "31337:0x" + UUID.randomUUID();
        try (KafkaTestConsumer consumer = KafkaTestConsumer.subscribe(Topics.TOKEN_TRANSFERS);
             KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.TOKEN_TRANSFERS, key, "{\"status\":\"ABORTED\"}"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.TOKEN_TRANSFERS, key, "{\"status\":\"COMMITTED\"}"));
            producer.commitTransaction();

            var records = consumer.awaitRecords(r -> key.equals(r.key()), 1, Duration.ofSeconds(30));

            assertThat(records.getFirst().value()).contains("COMMITTED");
            assertThat(consumer.received()).filteredOn(r -> key.equals(r.key())).hasSize(1);
        }
    }

    @Test
    void shouldCreateCatalogTopicsWithTheirPartitions() throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", infra.kafkaBootstrapServers()))) {
            var topics = admin.describeTopics(Topics.all().stream().map(t -> t.name()).toList()).allTopicNames().get();
            Topics.all().forEach(spec -> assertThat(topics.get(spec.name()).partitions()).hasSize(spec.partitions()));
        }
    }

    @Test
    void shouldCreateSeparateUsableDatabases() throws Exception {
        String first = infra.createDatabase();
        String second = infra.createDatabase();

        assertThat(first).isNotEqualTo(second);
        try (Connection a = DriverManager.getConnection(first, "postgres", "postgres");
             Connection b = DriverManager.getConnection(second, "postgres", "postgres");
             Statement inA = a.createStatement(); Statement inB = b.createStatement()) {
            inA.execute("create table marker (id int)");
            ResultSet tables = inB.executeQuery("select count(*) from information_schema.tables where table_name = 'marker'");
            tables.next();
            assertThat(tables.getInt(1)).as("table created in the other database").isZero();
        }
    }

    @Test
    void shouldAnswerChainIdOnAnvil() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(infra.anvil().httpUrl()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).contains("\"result\":\"0x7a69\"");
    }

    @Test
    void shouldMintTokensThatThePublicKeyLocationVerifies() throws Exception {
        JwtDecoder decoder = decoderFromPublicKeyLocation();

        Jwt jwt = decoder.decode(infra.tokens().bearer("alice").substring("Bearer ".length()));

        assertThat(jwt.getSubject()).isEqualTo("alice");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("operator");
        assertThat(jwt.getAudience()).containsExactly("chainhub");
        // Not getIssuer(): Spring converts iss to a URL there, and "chainhub-local" is none.
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("chainhub-local");
        assertThat(decoder.decode(infra.tokens().token("dave", "approver", "viewer")).getClaimAsStringList("roles"))
                .containsExactly("approver", "viewer");
    }

    @Test
    void shouldRejectExpiredAndForgedTokens() throws Exception {
        JwtDecoder decoder = decoderFromPublicKeyLocation();

        assertThatThrownBy(() -> decoder.decode(infra.tokens().expiredBearer("alice").substring(7)))
                .isInstanceOf(BadJwtException.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> decoder.decode(infra.tokens().forgedBearer("alice").substring(7)))
                .isInstanceOf(BadJwtException.class);
    }

    /** Reads the key as Spring Boot does for {@code public-key-location}. */
    private JwtDecoder decoderFromPublicKeyLocation() throws Exception {
        try (InputStream pem = URI.create(infra.tokens().publicKeyLocation()).toURL().openStream()) {
            RSAPublicKey key = RsaKeyConverters.x509().convert(pem);
            return NimbusJwtDecoder.withPublicKey(key).build();
        }
    }

    private KafkaProducer<String, String> transactionalProducer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, infra.uniqueName("tx"),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer());
    }
}
