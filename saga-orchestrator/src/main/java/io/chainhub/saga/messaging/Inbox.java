package io.chainhub.saga.messaging;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    /** The ids among {@code messageIds} seen for the first time (one round trip for a whole poll). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<String> firstDeliveries(List<String> messageIds, String topic) {
        return new HashSet<>(jdbc.sql("""
                INSERT INTO inbox_message (message_id, topic) SELECT unnest(CAST(? AS varchar[])), ?
                ON CONFLICT DO NOTHING RETURNING message_id""")
                .params(messageIds.toArray(String[]::new), topic).query(String.class).list());
    }
}
