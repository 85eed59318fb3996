package io.chainhub.fraud.alert;

import java.util.UUID;

import io.chainhub.events.fraud.FraudAlertEvent;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.topics.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the alert table in step with {@code fraud-alerts} (read_committed: only what the topology
 * committed). Idempotent, so redelivery after a crash changes nothing; analyst status survives updates.
 */
@Component
class AlertProjection {

    private final AlertStore store;

    AlertProjection(AlertStore store) {
        this.store = store;
    }

    @KafkaListener(id = "fraud-alert-projection", topics = Topics.FRAUD_ALERTS,
            groupId = "${spring.kafka.consumer.group-id}-alerts")
    @Transactional("transactionManager")
    public void on(String json) {
        apply(EventJson.mapper().readValue(json, FraudAlertEvent.class));
    }

    void apply(FraudAlertEvent event) {
        UUID id = UUID.fromString(event.alertId());
        boolean changed = switch (event.action()) {
            case RAISED -> store.insert(event);
            case UPDATED -> store.update(event) || store.insert(event);
            case RETRACTED -> store.retract(id);
        };
        if (changed) {
            store.activity(id, event.action().name(), AlertStore.PIPELINE, event.summary() + " (count " + event.count() + ")");
        }
    }
}
