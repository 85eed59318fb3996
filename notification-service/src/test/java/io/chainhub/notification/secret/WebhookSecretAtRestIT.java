package io.chainhub.notification.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.chainhub.notification.support.Api;
import io.chainhub.notification.support.Events;
import io.chainhub.notification.support.Signatures;
import io.chainhub.notification.support.WebhookReceiver;
import io.chainhub.testsupport.ChainHubIntegrationTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Webhook secrets are not readable from the database, and deliveries are still signed with them. */
@ChainHubIntegrationTest
class WebhookSecretAtRestIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    @RegisterExtension
    static final WebhookReceiver RECEIVER = WebhookReceiver.start();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    V3__Encrypt_webhook_secrets migration;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void shouldStoreCiphertextWhenSubscriptionCreatedAndStillSignWithSecret() {
        WebhookReceiver.Endpoint endpoint = RECEIVER.endpoint();
        String to = Events.randomAddress();
        JsonNode created = subscribe(endpoint, to);
        String secret = created.path("webhook").path("secret").asString();

        String stored = rawSecret(created.path("id").asString());
        Events.get().publish(Events.transfer(Events.randomAddress(), to, Events.randomAddress(), "1"));

        assertThat(secret).startsWith("whsec_");
        assertThat(stored).startsWith("enc:v1:").doesNotContain(secret.substring("whsec_".length()));
        await().atMost(WAIT).until(() -> endpoint.received().size() == 1);
        assertThat(Signatures.verifies(secret, endpoint.received().getFirst())).isTrue();
    }

    @Test
    void shouldKeepBothSecretsEncryptedWhenRotatedAndSignWithBoth() {
        WebhookReceiver.Endpoint endpoint = RECEIVER.endpoint();
        String to = Events.randomAddress();
        JsonNode created = subscribe(endpoint, to);
        String id = created.path("id").asString();
        String oldSecret = created.path("webhook").path("secret").asString();

        String newSecret = Api.json(api.post("/api/subscriptions/" + id + "/webhook/rotate-secret?graceSeconds=3600", null))
                .path("webhook").path("secret").asString();
        Events.get().publish(Events.transfer(Events.randomAddress(), to, Events.randomAddress(), "1"));

        Map<String, Object> row = jdbc.sql("SELECT secret, previous_secret FROM subscription WHERE id = ?")
                .param(UUID.fromString(id)).query().singleRow();
        assertThat((String) row.get("secret")).startsWith("enc:v1:").doesNotContain(newSecret.substring(6));
        assertThat((String) row.get("previous_secret")).startsWith("enc:v1:").doesNotContain(oldSecret.substring(6));
        await().atMost(WAIT).until(() -> endpoint.received().size() == 1);
        WebhookReceiver.Received received = endpoint.received().getFirst();
        assertThat(received.signature().split(" ")).hasSize(2);
        assertThat(Signatures.verifies(newSecret, received)).isTrue();
        assertThat(Signatures.verifies(oldSecret, received)).isTrue();
    }

    @Test
    void shouldEncryptSecretStoredInClearWhenMigrationRuns() throws Exception {
        WebhookReceiver.Endpoint endpoint = RECEIVER.endpoint();
        String to = Events.randomAddress();
        JsonNode created = subscribe(endpoint, to);
        String id = created.path("id").asString();
        String secret = created.path("webhook").path("secret").asString();
        // a row as written before encryption existed
        jdbc.sql("UPDATE subscription SET secret = ? WHERE id = ?").params(secret, UUID.fromString(id)).update();

        int encrypted;
        try (Connection connection = dataSource.getConnection()) {
            encrypted = migration.encryptClearSecrets(connection);
        }
        Events.get().publish(Events.transfer(Events.randomAddress(), to, Events.randomAddress(), "1"));

        assertThat(encrypted).isGreaterThanOrEqualTo(1);
        assertThat(rawSecret(id)).startsWith("enc:v1:").doesNotContain(secret.substring(6));
        await().atMost(WAIT).until(() -> endpoint.received().size() == 1);
        assertThat(Signatures.verifies(secret, endpoint.received().getFirst())).isTrue();
    }

    @Test
    void shouldKeepRememberedCreateAnswerEncryptedWhenIdempotencyKeyGiven() throws Exception {
        String key = "secret-at-rest-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("name", "idempotent", "eventTypes", List.of("transfer.observed"),
                "addresses", List.of(Events.randomAddress()), "webhook", Map.of("url", RECEIVER.endpoint().url()));
        String secret = Api.json(api.post("/api/subscriptions", body, Map.of("Idempotency-Key", key)))
                .path("webhook").path("secret").asString();
        String stored = rawAnswer(key);
        // an answer remembered before encryption existed, encrypted by the migration
        jdbc.sql("UPDATE idempotency_key SET response_body = ? WHERE idempotency_key = ?")
                .params(api.post("/api/subscriptions", body, Map.of("Idempotency-Key", key)).getBody(), key).update();

        int encrypted;
        try (Connection connection = dataSource.getConnection()) {
            encrypted = migration.encryptRememberedAnswers(connection);
        }
        JsonNode replayed = Api.json(api.post("/api/subscriptions", body, Map.of("Idempotency-Key", key)));

        assertThat(secret).startsWith("whsec_");
        assertThat(stored).startsWith("enc:v1:").doesNotContain(secret.substring(6));
        assertThat(encrypted).isGreaterThanOrEqualTo(1);
        assertThat(rawAnswer(key)).startsWith("enc:v1:").doesNotContain(secret.substring(6));
        assertThat(replayed.path("webhook").path("secret").asString()).isEqualTo(secret);
    }

    private String rawAnswer(String key) {
        return jdbc.sql("SELECT response_body FROM idempotency_key WHERE idempotency_key = ?").param(key)
                .query(String.class).single();
    }

    private String rawSecret(String id) {
        return jdbc.sql("SELECT secret FROM subscription WHERE id = ?").param(UUID.fromString(id)).query(String.class).single();
    }

    private JsonNode subscribe(WebhookReceiver.Endpoint endpoint, String to) {
        return api.createSubscription(Map.of("name", "secret at rest", "eventTypes", List.of("transfer.observed"),
                "addresses", List.of(to), "webhook", Map.of("url", endpoint.url())));
    }
}
