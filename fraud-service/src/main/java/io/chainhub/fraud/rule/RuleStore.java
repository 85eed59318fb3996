package io.chainhub.fraud.rule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chainhub.events.fraud.AlertSeverity;
import io.chainhub.events.kafka.EventJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** Rule configurations in PostgreSQL: every version is kept, the highest is current. */
@Repository
public class RuleStore {

    private static final TypeReference<Map<String, String>> PARAMETERS = new TypeReference<>() { };

    private final JdbcClient jdbc;

    RuleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<RuleVersion> current() {
        return jdbc.sql("""
                SELECT DISTINCT ON (rule_id) * FROM rule_config ORDER BY rule_id, version DESC""")
                .query(RuleStore::map).list();
    }

    public List<RuleVersion> versions(String ruleId) {
        return jdbc.sql("SELECT * FROM rule_config WHERE rule_id = ? ORDER BY version DESC")
                .param(ruleId).query(RuleStore::map).list();
    }

    public Optional<RuleVersion> version(String ruleId, int version) {
        return jdbc.sql("SELECT * FROM rule_config WHERE rule_id = ? AND version = ?")
                .params(ruleId, version).query(RuleStore::map).optional();
    }

    /** False when that version exists already (a concurrent change won). */
    public boolean insert(RuleConfig config, String changedBy, String comment) {
        return jdbc.sql("""
                INSERT INTO rule_config (rule_id, version, mode, severity, parameters, changed_by, comment)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(config.ruleId(), config.version(), config.mode().name(), config.severity().name(),
                        EventJson.mapper().writeValueAsString(new java.util.TreeMap<>(config.parameters())),
                        changedBy, comment)
                .update() == 1;
    }

    private static RuleVersion map(ResultSet rs, int row) throws SQLException {
        RuleConfig config = new RuleConfig(rs.getString("rule_id"), rs.getInt("version"),
                RuleMode.valueOf(rs.getString("mode")), AlertSeverity.valueOf(rs.getString("severity")),
                EventJson.mapper().readValue(rs.getString("parameters"), PARAMETERS));
        return new RuleVersion(config, rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant(),
                rs.getString("comment"));
    }

    /** A stored version with who changed it, when and why. */
    public record RuleVersion(RuleConfig config, String changedBy, Instant changedAt, String comment) {
    }
}
