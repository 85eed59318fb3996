package io.chainhub.fraud.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.chainhub.events.fraud.AlertSeverity;
import io.chainhub.events.fraud.FraudAlertEvent;
import io.chainhub.events.kafka.EventJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

@Repository
class AlertStore {

    static final String PIPELINE = "fraud-service";

    private final JdbcClient jdbc;

    AlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the alert is new. Redelivery of a RAISED event changes nothing. */
    boolean insert(FraudAlertEvent e) {
        return jdbc.sql("""
                INSERT INTO fraud_alert (id, rule_id, rule_version, chain_id, subject_address, severity, status,
                    summary, details, transfer_event_ids, hit_count, first_seen, last_seen)
                VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(UUID.fromString(e.alertId()), e.ruleId(), e.ruleVersion(), e.chainId(), e.subject(),
                        e.severity().name(), e.summary(), json(e.details()), json(e.transferEventIds()), e.count(),
                        Timestamp.from(e.firstSeen()), Timestamp.from(e.lastSeen()))
                .update() == 1;
    }

    /** True when something changed (the same UPDATED twice changes nothing the second time). */
    boolean update(FraudAlertEvent e) {
        return jdbc.sql("""
                UPDATE fraud_alert SET rule_version = ?, severity = ?, summary = ?, details = ?,
                    transfer_event_ids = ?, hit_count = ?, last_seen = ?, updated_at = now()
                WHERE id = ? AND (hit_count <> ? OR transfer_event_ids <> ?)""")
                .params(e.ruleVersion(), e.severity().name(), e.summary(), json(e.details()),
                        json(e.transferEventIds()), e.count(), Timestamp.from(e.lastSeen()),
                        UUID.fromString(e.alertId()), e.count(), json(e.transferEventIds()))
                .update() == 1;
    }

    boolean retract(UUID id) {
        return jdbc.sql("UPDATE fraud_alert SET status = 'RETRACTED', updated_at = now() WHERE id = ? AND status <> 'RETRACTED'")
                .param(id).update() == 1;
    }

    /** Compare-and-set, so two analysts cannot both move the same alert. */
    boolean transition(UUID id, AlertStatus from, AlertStatus to) {
        return jdbc.sql("UPDATE fraud_alert SET status = ?, updated_at = now() WHERE id = ? AND status = ?")
                .params(to.name(), id, from.name()).update() == 1;
    }

    void activity(UUID id, String action, String actor, String note) {
        jdbc.sql("INSERT INTO alert_activity (alert_id, action, actor, note) VALUES (?, ?, ?, ?)")
                .params(id, action, actor, note).update();
    }

    List<AlertActivity> activities(UUID id) {
        return jdbc.sql("SELECT * FROM alert_activity WHERE alert_id = ? ORDER BY id").param(id)
                .query((rs, i) -> new AlertActivity(rs.getString("action"), rs.getString("actor"), rs.getString("note"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    Optional<AlertView> find(UUID id) {
        return jdbc.sql("SELECT * FROM fraud_alert WHERE id = ?").param(id).query(AlertStore::map).optional();
    }

    List<AlertView> search(AlertStatus status, String ruleId, String subject, int limit) {
        return jdbc.sql("""
                SELECT * FROM fraud_alert
                WHERE (CAST(:status AS text) IS NULL OR status = :status)
                  AND (CAST(:rule AS text) IS NULL OR rule_id = :rule)
                  AND (CAST(:subject AS text) IS NULL OR subject_address = :subject)
                ORDER BY raised_at DESC, id LIMIT :limit""")
                .param("status", status == null ? null : status.name())
                .param("rule", ruleId).param("subject", subject).param("limit", limit)
                .query(AlertStore::map).list();
    }

    private static AlertView map(ResultSet rs, int row) throws SQLException {
        return new AlertView(rs.getObject("id", UUID.class), rs.getString("rule_id"), rs.getInt("rule_version"),
                rs.getLong("chain_id"), rs.getString("subject_address"), AlertSeverity.valueOf(rs.getString("severity")),
                AlertStatus.valueOf(rs.getString("status")), rs.getString("summary"),
                EventJson.mapper().readValue(rs.getString("details"), new TypeReference<Map<String, String>>() { }),
                EventJson.mapper().readValue(rs.getString("transfer_event_ids"), new TypeReference<List<String>>() { }),
                rs.getInt("hit_count"), rs.getTimestamp("first_seen").toInstant(), rs.getTimestamp("last_seen").toInstant(),
                rs.getTimestamp("raised_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static String json(Object value) {
        return EventJson.mapper().writeValueAsString(value);
    }
}
