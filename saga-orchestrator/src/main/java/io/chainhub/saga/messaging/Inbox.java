package io.chainhub.saga.messaging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dedup of consumed messages by ce_id, in the transaction of the state change they cause: a
 * message redelivered after a crash between the database commit and the Kafka offset commit is
 * recognised and skipped.
 */
@Component
public class Inbox {

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time {@code messageId} is seen; must run inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String messageId, String topic) {
        return jdbc.sql("INSERT INTO inbox_message (message_id, topic) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(messageId, topic).update() == 1;
    }
}
