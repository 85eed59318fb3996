package io.chainhub.notification.secret;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 3 (a bean, so that it gets the configured key; Spring Boot hands JavaMigration beans to
 * Flyway): encrypts every webhook secret still stored in clear, and the remembered create answers that
 * reveal them. Runs once, in Flyway's transaction; values
 * already encrypted are left alone, so it is also safe on a database some rows of which were encrypted.
 */
@Component
class V3__Encrypt_webhook_secrets extends BaseJavaMigration {

    private final SecretCipher cipher;

    V3__Encrypt_webhook_secrets(SecretCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        encryptClearSecrets(context.getConnection());
        encryptRememberedAnswers(context.getConnection());
    }

    /** The remembered answers of idempotent creates reveal the new secret: encrypted too. */
    int encryptRememberedAnswers(Connection connection) throws SQLException {
        int encrypted = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT idempotency_key, response_body FROM idempotency_key WHERE response_body NOT LIKE 'enc:v1:%' FOR UPDATE");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE idempotency_key SET response_body = ? WHERE idempotency_key = ?");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                update.setString(1, cipher.encrypt(rows.getString("response_body")));
                update.setString(2, rows.getString("idempotency_key"));
                update.addBatch();
                encrypted++;
            }
            if (encrypted > 0) {
                update.executeBatch();
            }
        }
        return encrypted;
    }

    /** @return how many subscriptions had a secret in clear */
    int encryptClearSecrets(Connection connection) throws SQLException {
        int encrypted = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, secret, previous_secret FROM subscription WHERE secret IS NOT NULL OR previous_secret IS NOT NULL "
                        + "FOR UPDATE");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE subscription SET secret = ?, previous_secret = ? WHERE id = ?");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String secret = rows.getString("secret");
                String previous = rows.getString("previous_secret");
                if (SecretCipher.isEncrypted(secret) && (previous == null || SecretCipher.isEncrypted(previous))) {
                    continue;
                }
                update.setString(1, SecretCipher.isEncrypted(secret) ? secret : cipher.encrypt(secret));
                update.setString(2, SecretCipher.isEncrypted(previous) ? previous : cipher.encrypt(previous));
                update.setObject(3, rows.getObject("id", UUID.class));
                update.addBatch();
                encrypted++;
            }
            if (encrypted > 0) {
                update.executeBatch();
            }
        }
        return encrypted;
    }
}
