package io.chainhub.fraud.stats;

import java.sql.Timestamp;
import java.util.UUID;

import io.chainhub.events.kafka.EventJson;
import io.chainhub.fraud.stream.FraudTopology;
import io.chainhub.fraud.stream.RuleHitEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Records every rule hit (ACTIVE and SHADOW) from {@code fraud-rule-hits}; the primary key makes it idempotent. */
@Component
class RuleHitProjection {

    private final JdbcClient jdbc;

    RuleHitProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @KafkaListener(id = "fraud-rule-hit-projection", topics = FraudTopology.RULE_HITS,
            groupId = "${spring.kafka.consumer.group-id}-hits")
    public void on(String json) {
        RuleHitEvent hit = EventJson.mapper().readValue(json, RuleHitEvent.class);
        jdbc.sql("""
                INSERT INTO rule_hit (rule_id, rule_version, mode, chain_id, subject_address, transfer_event_id,
                    alert_id, hit_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(hit.ruleId(), hit.ruleVersion(), hit.mode().name(), hit.chainId(), hit.subject(),
                        hit.transferEventId(), hit.alertId() == null ? null : UUID.fromString(hit.alertId()),
                        Timestamp.from(hit.at()))
                .update();
    }
}
