package io.chainhub.saga.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Durable timers in the saga_timer table: they are state, so they survive restarts. */
@Component
public class SagaTimers {

    private final JdbcClient jdbc;
    private final TransactionalWrites writes;

    SagaTimers(JdbcClient jdbc, TransactionalWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void start(String sagaId, String kind, Duration after) {
        // keyed: the last start or stop of a timer in a transaction is the one that counts
        writes.put("timer:" + sagaId + ":" + kind, """
                INSERT INTO saga_timer (saga_id, kind, due_at) VALUES (?, ?, ?)
                ON CONFLICT (saga_id, kind) DO UPDATE SET due_at = excluded.due_at""",
                sagaId, kind, java.sql.Timestamp.from(Instant.now().plus(after)));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void stop(String sagaId, String kind) {
        writes.put("timer:" + sagaId + ":" + kind, "DELETE FROM saga_timer WHERE saga_id = ? AND kind = ?", sagaId, kind);
    }

    /** Takes one due timer (locked, deleted in the caller's transaction), if any. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<DueTimer> takeDue() {
        return jdbc.sql("""
                DELETE FROM saga_timer WHERE (saga_id, kind) = (
                    SELECT saga_id, kind FROM saga_timer WHERE due_at <= now()
                    ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING saga_id, kind, due_at""").query(DueTimer.class).optional();
    }

    public record DueTimer(String sagaId, String kind, Instant dueAt) {
    }
}
