package io.chainhub.saga.messaging;

import io.chainhub.events.kafka.EventJson;
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

    private static final String INSERT = """
            INSERT INTO outbox_message (message_id, topic, message_key, ce_type, ce_subject, payload)
            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING""";

    private final TransactionalWrites writes;
    private final OutboxRelay relay;

    Outbox(TransactionalWrites writes, OutboxRelay relay) {
        this.writes = writes;
        this.relay = relay;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void add(String topic, String key, String messageId, String ceType, String subject, Object payload) {
        // rows keep the order of the calls (BIGSERIAL ids), which is the order the relay publishes in
        writes.add(INSERT, messageId, topic, key, ceType, subject, EventJson.mapper().writeValueAsString(payload));
        relay.wakeUpAfterCommit();
    }
}
