package io.chainhub.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.chainhub.events.kafka.EventJson;
import io.chainhub.notification.matching.NotificationEvent;
import io.chainhub.notification.subscription.EventTypes;
import io.chainhub.notification.subscription.Subscription;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns one matched event into delivery rows: one per (event, subscription, channel), keyed by a
 * deterministic {@code delivery_key} so that consuming the same event again inserts nothing, and in the
 * same transaction as the consumer's position, so a crash either keeps both or neither.
 */
@Component
public class DeliveryWriter {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeliveryWriter(JdbcClient jdbc, JdbcTemplate batches, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.events = events;
        this.clock = clock;
    }

    /** One consumed event and the subscriptions it matched. */
    public record Matched(NotificationEvent event, List<Subscription> subscriptions, ConsumerPosition position) {
    }

    /**
     * Writes the deliveries of several consumed records and their positions in one transaction: the rows
     * as one JDBC batch and one position per partition (one commit and a handful of round trips per poll
     * instead of one statement per row). Announces the new rows once committed.
     *
     * @return the number of new delivery rows
     */
    @Transactional
    public int write(List<Matched> batch) {
        Instant now = clock.instant();
        List<Object[]> rows = new ArrayList<>();
        Map<String, ConsumerPosition> positions = new LinkedHashMap<>();
        int created = 0;
        for (Matched matched : batch) {
            if (EventTypes.TRANSFER_REVERTED.equals(matched.event().type())) {
                // the revert's body names the original delivery, which may be among the rows not yet inserted
                created += insert(rows);
                rows.clear();
            }
            addRows(matched.event(), matched.subscriptions(), now, rows);
            ConsumerPosition position = matched.position();
            if (position != null) {
                positions.merge(position.group() + "|" + position.topic() + "|" + position.partition(), position,
                        (a, b) -> a.nextOffset() >= b.nextOffset() ? a : b);
            }
        }
        created += insert(rows);
        positions.values().forEach(this::savePosition);
        if (created > 0) {
            events.publishEvent(new DeliveriesCreated(created));
        }
        return created;
    }

    /** @return the number of new delivery rows (0 when the event was seen before) */
    @Transactional
    public int write(NotificationEvent event, List<Subscription> matches, ConsumerPosition position) {
        return write(List.of(new Matched(event, matches, position)));
    }

    private void addRows(NotificationEvent event, List<Subscription> matches, Instant now, List<Object[]> rows) {
        for (Subscription subscription : matches) {
            String webhookId = webhookId(event.id(), subscription.id());
            String body = body(event, subscription);
            for (Channel channel : channels(subscription)) {
                rows.add(new Object[] {UUID.randomUUID(), event.id() + "|" + subscription.id() + "|" + channel,
                        subscription.id(), channel.name(), webhookId, event.type(), event.subject(),
                        event.severity() == null ? null : event.severity().name(), body,
                        Timestamp.from(now), Timestamp.from(now)});
            }
        }
    }

    /** One JDBC batch; a conflicting key (event seen before) counts 0. */
    private int insert(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        int[] counts = batches.batchUpdate("""
                INSERT INTO delivery (id, delivery_key, subscription_id, channel, webhook_id, event_type, subject,
                  severity, payload, status, attempts, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
                ON CONFLICT (delivery_key) DO NOTHING""", rows);
        int created = 0;
        for (int count : counts) {
            // SUCCESS_NO_INFO (-2) when the driver rewrites batches: count it as written, only a hint anyway
            created += count == Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
        }
        return created;
    }

    private void savePosition(ConsumerPosition position) {
        jdbc.sql("""
                INSERT INTO consumer_offset (consumer_group, topic, partition_id, next_offset) VALUES (?, ?, ?, ?)
                ON CONFLICT (consumer_group, topic, partition_id)
                DO UPDATE SET next_offset = greatest(consumer_offset.next_offset, excluded.next_offset)""")
                .params(position.group(), position.topic(), position.partition(), position.nextOffset())
                .update();
    }

    /** Standard Webhooks body; a revert carries the {@code webhook-id} of the first notification of the transfer. */
    private String body(NotificationEvent event, Subscription subscription) {
        Map<String, Object> data = new LinkedHashMap<>(event.data());
        if (EventTypes.TRANSFER_REVERTED.equals(event.type())) {
            data.put("originalWebhookId", originalWebhookId(subscription.id(), event.subject()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.type());
        body.put("timestamp", event.time().toString());
        body.put("data", data);
        return EventJson.mapper().writeValueAsString(body);
    }

    private String originalWebhookId(UUID subscriptionId, String transferEventId) {
        return jdbc.sql("""
                SELECT webhook_id FROM delivery WHERE subscription_id = ? AND subject = ?
                  AND event_type IN ('transfer.observed', 'transfer.confirmed') ORDER BY created_at, event_type DESC LIMIT 1""")
                .params(subscriptionId, transferEventId)
                .query(String.class).optional().orElse(null);
    }

    private static List<Channel> channels(Subscription subscription) {
        List<Channel> channels = new ArrayList<>(2);
        if (subscription.webhook() != null) {
            channels.add(Channel.WEBHOOK);
        }
        if (subscription.email() != null) {
            channels.add(Channel.EMAIL);
        }
        return channels;
    }

    /** Deterministic: the same event and subscription always give the same id (the receiver's dedup key). */
    public static String webhookId(String eventId, UUID subscriptionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((eventId + "|" + subscriptionId).getBytes(StandardCharsets.UTF_8));
            return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
