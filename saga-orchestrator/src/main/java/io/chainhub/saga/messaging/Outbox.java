package io.chainhub.saga.messaging;

import io.chainhub.events.kafka.EventJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transactional outbox: the sagas never talk to Kafka; they write what must be sent next to their
 * state change, and {@link OutboxRelay} publishes it. A message id is written once (a duplicate
 * id is ignored), so replaying a transition cannot queue a second command.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final OutboxRelay relay;

    Outbox(JdbcClient jdbc, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.relay = relay;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void add(String topic, String key, String messageId, String ceType, String subject, Object payload) {
        jdbc.sql("""
                INSERT INTO outbox_message (message_id, topic, message_key, ce_type, ce_subject, payload)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING""")
                .params(messageId, topic, key, ceType, subject, EventJson.mapper().writeValueAsString(payload))
                .update();
        relay.wakeUpAfterCommit();
    }
}
