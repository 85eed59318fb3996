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

    SagaTimers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void start(String sagaId, String kind, Duration after) {
        jdbc.sql("""
                INSERT INTO saga_timer (saga_id, kind, due_at) VALUES (?, ?, ?)
                ON CONFLICT (saga_id, kind) DO UPDATE SET due_at = excluded.due_at""")
                .params(sagaId, kind, java.sql.Timestamp.from(Instant.now().plus(after))).update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void stop(String sagaId, String kind) {
        jdbc.sql("DELETE FROM saga_timer WHERE saga_id = ? AND kind = ?").params(sagaId, kind).update();
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
