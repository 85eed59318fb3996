package io.chainhub.notification.subscription;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.chainhub.events.fraud.AlertSeverity;
import io.chainhub.events.transfer.TokenStandard;
import io.chainhub.notification.secret.SecretCipher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code subscription} table. Webhook secrets are encrypted here on the way in and decrypted on the way out. */
@Repository
public class SubscriptionStore {

    private static final String COLUMNS = "id, name, status, event_types, addresses, address_role, tokens, standards, "
            + "min_value, chain_id, min_severity, webhook_url, webhook_enabled, webhook_disabled_reason, "
            + "webhook_failing_since, secret, previous_secret, previous_secret_expires_at, email, email_max_per_hour, "
            + "owner_email, created_by, created_at, updated_at";

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    public SubscriptionStore(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public List<Subscription> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscription ORDER BY created_at, id").query(this::map).list();
    }

    public List<Subscription> findActive() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscription WHERE status = 'ACTIVE'").query(this::map).list();
    }

    public Optional<Subscription> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscription WHERE id = ?").param(id).query(this::map).optional();
    }

    /** Several subscriptions by id, in one query. */
    public List<Subscription> find(Collection<UUID> ids) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscription WHERE id = ANY(?::uuid[])")
                .param(ids.stream().map(UUID::toString).toArray(String[]::new)).query(this::map).list();
    }

    /** Changes when any subscription is added, changed or removed: cheap to poll. */
    public String fingerprint() {
        return jdbc.sql("SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM subscription")
                .query(String.class).single();
    }

    void insert(Subscription s) {
        Subscription.Webhook w = s.webhook();
        jdbc.sql("INSERT INTO subscription (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.id(), s.name(), s.status().name(), array(s.eventTypes()), array(s.addresses()),
                        s.addressRole().name(), array(s.tokens()), array(s.standards().stream().map(Enum::name).toList()),
                        s.minValue() == null ? null : new BigDecimal(s.minValue()), s.chainId(),
                        s.minSeverity() == null ? null : s.minSeverity().name(),
                        w == null ? null : w.url(), w == null || w.enabled(), w == null ? null : w.disabledReason(),
                        w == null ? null : ts(w.failingSince()), w == null ? null : cipher.encrypt(w.secret()),
                        w == null ? null : cipher.encrypt(w.previousSecret()), w == null ? null : ts(w.previousSecretExpiresAt()),
                        s.email(), s.emailMaxPerHour(), s.ownerEmail(), s.createdBy(), ts(s.createdAt()), ts(s.updatedAt()))
                .update();
    }

    /** Replaces criteria and channels; the endpoint state and secrets travel in {@code s.webhook()}. */
    void update(Subscription s) {
        Subscription.Webhook w = s.webhook();
        jdbc.sql("""
                UPDATE subscription SET name = ?, status = ?, event_types = ?, addresses = ?, address_role = ?, tokens = ?,
                  standards = ?, min_value = ?, chain_id = ?, min_severity = ?, webhook_url = ?, webhook_enabled = ?,
                  webhook_disabled_reason = ?, webhook_failing_since = ?, secret = ?, previous_secret = ?,
                  previous_secret_expires_at = ?, email = ?, email_max_per_hour = ?, owner_email = ?, updated_at = ?
                WHERE id = ?""")
                .params(s.name(), s.status().name(), array(s.eventTypes()), array(s.addresses()), s.addressRole().name(),
                        array(s.tokens()), array(s.standards().stream().map(Enum::name).toList()),
                        s.minValue() == null ? null : new BigDecimal(s.minValue()), s.chainId(),
                        s.minSeverity() == null ? null : s.minSeverity().name(),
                        w == null ? null : w.url(), w == null || w.enabled(), w == null ? null : w.disabledReason(),
                        w == null ? null : ts(w.failingSince()), w == null ? null : cipher.encrypt(w.secret()),
                        w == null ? null : cipher.encrypt(w.previousSecret()), w == null ? null : ts(w.previousSecretExpiresAt()),
                        s.email(), s.emailMaxPerHour(), s.ownerEmail(), ts(s.updatedAt()), s.id())
                .update();
    }

    boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM subscription WHERE id = ?").param(id).update() > 0;
    }

    /** Endpoint health, written by the dispatcher: a success clears the failing period. */
    public void markWebhookSucceeded(UUID id) {
        jdbc.sql("UPDATE subscription SET webhook_failing_since = NULL WHERE id = ? AND webhook_failing_since IS NOT NULL")
                .param(id).update();
    }

    /** Starts the failing period if it has not started; returns when it started. */
    public Instant markWebhookFailing(UUID id, Instant now) {
        return jdbc.sql("UPDATE subscription SET webhook_failing_since = coalesce(webhook_failing_since, ?) WHERE id = ? "
                        + "RETURNING webhook_failing_since")
                .params(ts(now), id).query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(now);
    }

    /** Disables the endpoint; true only for the call that actually disabled it (so the owner is told once). */
    public boolean disableWebhook(UUID id, String reason, Instant now) {
        return jdbc.sql("UPDATE subscription SET webhook_enabled = FALSE, webhook_disabled_reason = ?, updated_at = ? "
                        + "WHERE id = ? AND webhook_enabled")
                .params(reason, ts(now), id).update() > 0;
    }

    private Subscription map(ResultSet rs, int row) throws SQLException {
        String url = rs.getString("webhook_url");
        Subscription.Webhook webhook = url == null ? null : new Subscription.Webhook(url, rs.getBoolean("webhook_enabled"),
                rs.getString("webhook_disabled_reason"), instant(rs, "webhook_failing_since"), cipher.decrypt(rs.getString("secret")),
                cipher.decrypt(rs.getString("previous_secret")), instant(rs, "previous_secret_expires_at"));
        BigDecimal minValue = rs.getBigDecimal("min_value");
        long chainId = rs.getLong("chain_id");
        Long chain = rs.wasNull() ? null : chainId;
        String severity = rs.getString("min_severity");
        return new Subscription(rs.getObject("id", UUID.class), rs.getString("name"),
                SubscriptionStatus.valueOf(rs.getString("status")), list(rs.getArray("event_types")),
                list(rs.getArray("addresses")), AddressRole.valueOf(rs.getString("address_role")),
                list(rs.getArray("tokens")), list(rs.getArray("standards")).stream().map(TokenStandard::valueOf).toList(),
                minValue == null ? null : minValue.toBigIntegerExact(), chain,
                severity == null ? null : AlertSeverity.valueOf(severity), webhook, rs.getString("email"),
                rs.getInt("email_max_per_hour"), rs.getString("owner_email"), rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
