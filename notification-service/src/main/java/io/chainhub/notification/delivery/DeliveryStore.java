package io.chainhub.notification.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code delivery} and {@code delivery_attempt} tables. */
@Repository
public class DeliveryStore {

    private static final String COLUMNS = "id, subscription_id, channel, webhook_id, event_type, subject, severity, "
            + "payload, status, attempts, next_attempt_at, last_status, last_error, created_at, completed_at";

    private final JdbcClient jdbc;

    DeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims due webhook deliveries of enabled endpoints of active subscriptions, at most {@code perEndpoint}
     * per endpoint (so a backlog at one endpoint cannot fill the batch) and, for the endpoints named in
     * {@code freeSlots}, at most their free slots (an endpoint already sending at capacity gets nothing, so
     * nothing is claimed only to be put back). Claiming moves the next attempt to the end of a lease: if this
     * instance dies while sending, the delivery is due again when the lease ends. One index probe per endpoint
     * ({@code delivery_due_per_endpoint}), so the cost follows the number of endpoints, not the backlog;
     * {@code SKIP LOCKED} lets several instances claim side by side.
     */
    @Transactional
    public List<ClaimedDelivery> claimWebhooks(Instant now, Duration lease, int batch, int perEndpoint,
                                               Map<UUID, Integer> freeSlots) {
        String[] busy = freeSlots.keySet().stream().map(UUID::toString).toArray(String[]::new);
        String[] free = freeSlots.values().stream().map(String::valueOf).toArray(String[]::new);
        return jdbc.sql("""
                WITH claimed AS (
                UPDATE delivery SET next_attempt_at = ?
                WHERE id IN (
                  SELECT due.id FROM subscription s
                  LEFT JOIN unnest(?::text[], ?::text[]) AS busy(id, free) ON busy.id::uuid = s.id
                  CROSS JOIN LATERAL (
                    SELECT d.id, d.next_attempt_at FROM delivery d
                    WHERE d.subscription_id = s.id AND d.status = 'PENDING' AND d.channel = 'WEBHOOK' AND d.next_attempt_at <= ?
                    ORDER BY d.next_attempt_at LIMIT least(?, coalesce(busy.free::int, ?)) FOR UPDATE OF d SKIP LOCKED) due
                  WHERE s.status = 'ACTIVE' AND s.webhook_enabled AND s.webhook_url IS NOT NULL
                  ORDER BY due.next_attempt_at LIMIT ?)
                RETURNING""" + " " + COLUMNS + """
                )
                SELECT claimed.*, s.updated_at AS subscription_updated_at, s.webhook_failing_since
                FROM claimed JOIN subscription s ON s.id = claimed.subscription_id""")
                .params(Timestamp.from(now.plus(lease)), busy, free, Timestamp.from(now), perEndpoint, perEndpoint, batch)
                .query((rs, row) -> new ClaimedDelivery(map(rs, row), instant(rs, "subscription_updated_at"),
                        instant(rs, "webhook_failing_since")))
                .list();
    }

    /** Claims due emails of active subscriptions, like {@link #claimWebhooks}. */
    @Transactional
    public List<Delivery> claimEmails(Instant now, Duration lease, int batch) {
        return jdbc.sql("""
                UPDATE delivery SET next_attempt_at = ?
                WHERE id IN (
                  SELECT d.id FROM delivery d JOIN subscription s ON s.id = d.subscription_id
                  WHERE d.status = 'PENDING' AND d.channel = 'EMAIL' AND d.next_attempt_at <= ? AND s.status = 'ACTIVE'
                  ORDER BY d.next_attempt_at LIMIT ? FOR UPDATE OF d SKIP LOCKED)
                RETURNING""" + " " + COLUMNS)
                .params(Timestamp.from(now.plus(lease)), Timestamp.from(now), batch)
                .query(this::map).list();
    }

    /** Puts a claimed delivery back without counting an attempt (endpoint busy, circuit open, rate limited). */
    public void postpone(UUID id, Instant until) {
        jdbc.sql("UPDATE delivery SET next_attempt_at = ? WHERE id = ? AND status = 'PENDING'")
                .params(Timestamp.from(until), id).update();
    }

    /** Records one attempt and its consequence for the delivery, atomically. */
    public void recordAttempt(Delivery delivery, Instant at, Attempt.AttemptOutcome outcome, Integer statusCode,
                              String error, long durationMs, DeliveryStatus newStatus, Instant nextAttemptAt) {
        int attempt = delivery.attempts() + 1;
        boolean done = newStatus != DeliveryStatus.PENDING;
        // one statement, one round trip: the dispatcher records an attempt per HTTP call
        jdbc.sql("""
                WITH logged AS (
                  INSERT INTO delivery_attempt (delivery_id, attempt, attempted_at, outcome, status_code, error, duration_ms)
                  VALUES (?, ?, ?, ?, ?, ?, ?))
                UPDATE delivery SET attempts = ?, status = ?, next_attempt_at = ?, last_status = ?, last_error = ?,
                  completed_at = ? WHERE id = ?""")
                .params(delivery.id(), attempt, Timestamp.from(at), outcome.name(), statusCode, truncate(error), durationMs,
                        attempt, newStatus.name(), nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt),
                        statusCode, truncate(error), done ? Timestamp.from(at) : null, delivery.id())
                .update();
    }

    /**
     * Records many successful attempts in one transaction and two statements (the columns bound as arrays and
     * unnested): the dispatcher's hot path, one commit and two round trips for a batch of deliveries.
     */
    @Transactional
    public void recordSuccesses(List<Success> successes) {
        // losing these on a database crash only re-sends the deliveries when their leases end (at-least-once,
        // as for any crash mid-send), so this commit need not wait for the WAL flush
        jdbc.sql("SET LOCAL synchronous_commit = off").update();
        String[] ids = successes.stream().map(s -> s.deliveryId().toString()).toArray(String[]::new);
        int[] attempts = successes.stream().mapToInt(Success::attempt).toArray();
        // ISO-8601 text, read as timestamptz by PostgreSQL (the driver binds no Timestamp[])
        String[] at = successes.stream().map(s -> s.at().toString()).toArray(String[]::new);
        int[] statusCodes = successes.stream().mapToInt(Success::statusCode).toArray();
        long[] durations = successes.stream().mapToLong(Success::durationMs).toArray();
        jdbc.sql("""
                INSERT INTO delivery_attempt (delivery_id, attempt, attempted_at, outcome, status_code, error, duration_ms)
                SELECT s.id::uuid, s.attempt, s.at::timestamptz, 'SUCCEEDED', s.status_code, NULL, s.duration_ms
                FROM unnest(?::text[], ?::int[], ?::text[], ?::int[], ?::bigint[]) AS s(id, attempt, at, status_code, duration_ms)""")
                .params(ids, attempts, at, statusCodes, durations).update();
        jdbc.sql("""
                UPDATE delivery d SET attempts = s.attempt, status = 'SUCCEEDED', next_attempt_at = NULL,
                  last_status = s.status_code, last_error = NULL, completed_at = s.at::timestamptz
                FROM unnest(?::text[], ?::int[], ?::text[], ?::int[]) AS s(id, attempt, at, status_code)
                WHERE d.id = s.id::uuid""")
                .params(ids, attempts, at, statusCodes).update();
    }

    /** Emails held back by the throttle, for the next digest. */
    public void holdForDigest(UUID id) {
        jdbc.sql("UPDATE delivery SET status = 'DIGEST_PENDING', next_attempt_at = NULL WHERE id = ?").param(id).update();
    }

    /** Emails sent one by one to a subscription since {@code since}: the throttle's count. */
    public int emailsSentSince(UUID subscriptionId, Instant since) {
        return jdbc.sql("SELECT count(*) FROM delivery WHERE subscription_id = ? AND channel = 'EMAIL' "
                        + "AND status = 'SUCCEEDED' AND completed_at >= ?")
                .params(subscriptionId, Timestamp.from(since)).query(Integer.class).single();
    }

    /** Subscriptions whose oldest held-back email has waited at least until {@code olderThan}. */
    public List<UUID> digestsDue(Instant olderThan) {
        return jdbc.sql("SELECT subscription_id FROM delivery WHERE status = 'DIGEST_PENDING' "
                        + "GROUP BY subscription_id HAVING min(created_at) <= ?")
                .param(Timestamp.from(olderThan)).query(UUID.class).list();
    }

    /** Locks and returns a subscription's held-back emails (another instance skips them meanwhile). */
    public List<Delivery> lockDigest(UUID subscriptionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE subscription_id = ? AND status = 'DIGEST_PENDING' "
                        + "ORDER BY created_at FOR UPDATE SKIP LOCKED")
                .param(subscriptionId).query(this::map).list();
    }

    public void markDigested(List<UUID> ids, Instant at) {
        for (UUID id : ids) {
            jdbc.sql("UPDATE delivery SET status = 'DIGESTED', completed_at = ? WHERE id = ?")
                    .params(Timestamp.from(at), id).update();
        }
    }

    public Optional<Delivery> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE id = ?").param(id).query(this::map).optional();
    }

    public List<Delivery> list(UUID subscriptionId, DeliveryStatus status, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE subscription_id = ? AND (?::text IS NULL OR status = ?) "
                        + "ORDER BY created_at DESC, id LIMIT ?")
                .params(subscriptionId, status == null ? null : status.name(), status == null ? null : status.name(), limit)
                .query(this::map).list();
    }

    public List<Attempt> attempts(UUID deliveryId) {
        return jdbc.sql("SELECT * FROM delivery_attempt WHERE delivery_id = ? ORDER BY attempted_at, id")
                .param(deliveryId).query(DeliveryStore::mapAttempt).list();
    }

    /** The attempts log of a subscription, newest first, optionally of one outcome. */
    public List<Attempt> attemptsOf(UUID subscriptionId, Attempt.AttemptOutcome outcome, int limit) {
        return jdbc.sql("""
                SELECT a.* FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id
                WHERE d.subscription_id = ? AND (?::text IS NULL OR a.outcome = ?)
                ORDER BY a.attempted_at DESC, a.id DESC LIMIT ?""")
                .params(subscriptionId, outcome == null ? null : outcome.name(), outcome == null ? null : outcome.name(), limit)
                .query(DeliveryStore::mapAttempt).list();
    }

    /** Sends a delivery again now with a fresh retry schedule, whatever its state. */
    public boolean resend(UUID id, Instant now) {
        return jdbc.sql("UPDATE delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ?, completed_at = NULL "
                        + "WHERE id = ? AND status IN ('PENDING', 'SUCCEEDED', 'FAILED')")
                .params(Timestamp.from(now), id).update() > 0;
    }

    /** Queues again every failed delivery of a subscription created since {@code since}; returns how many. */
    public int recoverFailed(UUID subscriptionId, Instant since, Instant now) {
        return jdbc.sql("UPDATE delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ?, completed_at = NULL "
                        + "WHERE subscription_id = ? AND status = 'FAILED' AND created_at >= ?")
                .params(Timestamp.from(now), subscriptionId, Timestamp.from(since)).update();
    }

    private Delivery map(ResultSet rs, int row) throws SQLException {
        int lastStatus = rs.getInt("last_status");
        Integer last = rs.wasNull() ? null : lastStatus;
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
                Channel.valueOf(rs.getString("channel")), rs.getString("webhook_id"), rs.getString("event_type"),
                rs.getString("subject"), rs.getString("severity"), rs.getString("payload"),
                DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                last, rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "completed_at"));
    }

    private static Attempt mapAttempt(ResultSet rs, int row) throws SQLException {
        int code = rs.getInt("status_code");
        Integer statusCode = rs.wasNull() ? null : code;
        return new Attempt(rs.getLong("id"), rs.getObject("delivery_id", UUID.class), rs.getInt("attempt"),
                instant(rs, "attempted_at"), Attempt.AttemptOutcome.valueOf(rs.getString("outcome")), statusCode,
                rs.getString("error"), rs.getLong("duration_ms"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }
}
