package io.chainhub.fraud.stats;

import java.util.List;

import io.chainhub.fraud.rule.RuleMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Per rule and version: fired, shadow hits, dispositions and precision from analysts' outcomes. */
@RestController
class StatisticsController {

    private final JdbcClient jdbc;

    StatisticsController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {@code GET /api/rules/statistics} (viewer): one row per rule version, newest version first.
     *
     * @param rule only this rule id
     */
    @GetMapping("/api/rules/statistics")
    public List<RuleStatistics> statistics(@RequestParam(required = false) String rule) {
        return jdbc.sql("""
                WITH hits AS (
                    SELECT rule_id, rule_version,
                           count(*) FILTER (WHERE mode = 'ACTIVE') AS fired,
                           count(*) FILTER (WHERE mode = 'SHADOW') AS shadow
                    FROM rule_hit GROUP BY rule_id, rule_version),
                alerts AS (
                    SELECT rule_id, rule_version, count(*) AS total,
                           count(*) FILTER (WHERE status = 'OPEN') AS open,
                           count(*) FILTER (WHERE status = 'ACKNOWLEDGED') AS acknowledged,
                           count(*) FILTER (WHERE status = 'RESOLVED') AS resolved,
                           count(*) FILTER (WHERE status = 'FALSE_POSITIVE') AS false_positive,
                           count(*) FILTER (WHERE status = 'RETRACTED') AS retracted
                    FROM fraud_alert GROUP BY rule_id, rule_version)
                SELECT c.rule_id, c.version, c.mode,
                       coalesce(h.fired, 0) AS fired, coalesce(h.shadow, 0) AS shadow,
                       coalesce(a.total, 0) AS total, coalesce(a.open, 0) AS open,
                       coalesce(a.acknowledged, 0) AS acknowledged, coalesce(a.resolved, 0) AS resolved,
                       coalesce(a.false_positive, 0) AS false_positive, coalesce(a.retracted, 0) AS retracted
                FROM rule_config c
                LEFT JOIN hits h ON h.rule_id = c.rule_id AND h.rule_version = c.version
                LEFT JOIN alerts a ON a.rule_id = c.rule_id AND a.rule_version = c.version
                WHERE CAST(:rule AS text) IS NULL OR c.rule_id = :rule
                ORDER BY c.rule_id, c.version DESC""")
                .param("rule", rule)
                .query((rs, i) -> {
                    long resolved = rs.getLong("resolved");
                    long falsePositives = rs.getLong("false_positive");
                    Double precision = resolved + falsePositives == 0 ? null
                            : (double) resolved / (resolved + falsePositives);
                    return new RuleStatistics(rs.getString("rule_id"), rs.getInt("version"),
                            RuleMode.valueOf(rs.getString("mode")), rs.getLong("fired"), rs.getLong("shadow"),
                            rs.getLong("total"), rs.getLong("open"), rs.getLong("acknowledged"), resolved,
                            falsePositives, rs.getLong("retracted"), precision);
                })
                .list();
    }
}
