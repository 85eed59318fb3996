package io.chainhub.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.chainhub.events.kafka.EventJson;
import io.chainhub.notification.matching.NotificationEvent;
import io.chainhub.notification.subscription.EventTypes;
import io.chainhub.notification.subscription.Subscription;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns one matched event into delivery rows: one per (event, subscription, channel), keyed by a
 * deterministic {@code delivery_key} so that consuming the same event again inserts nothing, and in the
 * same transaction as the consumer's position, so a crash either keeps both or neither.
 */
@Component
public class DeliveryWriter {

    private final JdbcClient jdbc;
    private final WebhookHandoff webhooks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeliveryWriter(JdbcClient jdbc, WebhookHandoff webhooks, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.webhooks = webhooks;
        this.events = events;
        this.clock = clock;
    }

    /** One consumed event and the subscriptions it matched. */
    public record Matched(NotificationEvent event, List<Subscription> subscriptions, ConsumerPosition position) {
    }

    /**
     * Writes the deliveries of several consumed records and their positions in one transaction: all rows in
     * one {@code INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING} (one statement parsed, planned and
     * executed once per poll, rather than a JDBC batch of per-row inserts) and all partitions' positions in
     * one more. Webhook rows for which the dispatcher has room are inserted leased and handed to it after
     * the commit ({@link WebhookHandoff}); the others wait for its next claim, woken by the commit.
     *
     * @return the number of new delivery rows
     */
    @Transactional
    public int write(List<Matched> batch) {
        Instant now = clock.instant();
        Handoff handoff = new Handoff(now);
        Rows rows = new Rows();
        Map<String, ConsumerPosition> positions = new LinkedHashMap<>();
        int created = 0;
        for (Matched matched : batch) {
            if (EventTypes.TRANSFER_REVERTED.equals(matched.event().type())) {
                // the revert's body names the original delivery, which may be among the rows not yet inserted
                created += insert(rows, handoff);
                rows = new Rows();
            }
            addRows(matched.event(), matched.subscriptions(), rows, handoff);
            ConsumerPosition position = matched.position();
            if (position != null) {
                positions.merge(position.group() + "|" + position.topic() + "|" + position.partition(), position,
                        (a, b) -> a.nextOffset() >= b.nextOffset() ? a : b);
            }
        }
        created += insert(rows, handoff);
        savePositions(positions.values());
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

    /** The columns of the rows to insert, one list per column: bound as arrays and unnested by PostgreSQL. */
    private static final class Rows {
        final List<String> ids = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
        final List<String> subscriptions = new ArrayList<>();
        final List<String> channels = new ArrayList<>();
        final List<String> webhookIds = new ArrayList<>();
        final List<String> types = new ArrayList<>();
        final List<String> subjects = new ArrayList<>();
        final List<String> severities = new ArrayList<>();
        final List<String> payloads = new ArrayList<>();
        final List<Boolean> leased = new ArrayList<>();

        boolean isEmpty() {
            return ids.isEmpty();
        }
    }

    /**
     * The places this transaction reserved at the dispatcher: after the commit the rows actually inserted are
     * handed over and the rest given back; after a rollback all are given back.
     */
    private final class Handoff implements TransactionSynchronization {
        final Instant now;
        final Instant leasedUntil;
        final Map<UUID, Delivery> reserved = new LinkedHashMap<>();
        final List<Delivery> inserted = new ArrayList<>();

        Handoff(Instant now) {
            this.now = now;
            this.leasedUntil = now.plus(webhooks.lease());
        }

        boolean reserve(Subscription subscription) {
            if (!webhooks.reserve(subscription)) {
                return false;
            }
            if (reserved.isEmpty()) {
                TransactionSynchronizationManager.registerSynchronization(this);
            }
            return true;
        }

        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED && !inserted.isEmpty()) {
                webhooks.handOver(inserted, leasedUntil);
            }
            Map<UUID, Integer> unused = new HashMap<>();
            reserved.values().forEach(d -> unused.merge(d.subscriptionId(), 1, Integer::sum));
            if (status == STATUS_COMMITTED) {
                inserted.forEach(d -> unused.merge(d.subscriptionId(), -1, Integer::sum));
            }
            unused.forEach((subscription, count) -> {
                if (count > 0) {
                    webhooks.release(subscription, count);
                }
            });
        }
    }

    private void addRows(NotificationEvent event, List<Subscription> matches, Rows rows, Handoff handoff) {
        String severity = event.severity() == null ? null : event.severity().name();
        for (Subscription subscription : matches) {
            String webhookId = webhookId(event.id(), subscription.id());
            String body = body(event, subscription);
            String subscriptionId = subscription.id().toString();
            for (Channel channel : channels(subscription)) {
                UUID id = UUID.randomUUID();
                boolean leased = channel == Channel.WEBHOOK && handoff.reserve(subscription);
                if (leased) {
                    handoff.reserved.put(id, new Delivery(id, subscription.id(), channel, webhookId, event.type(),
                            event.subject(), severity, body, DeliveryStatus.PENDING, 0, handoff.leasedUntil, null, null,
                            handoff.now, null));
                }
                rows.ids.add(id.toString());
                rows.keys.add(event.id() + "|" + subscriptionId + "|" + channel);
                rows.subscriptions.add(subscriptionId);
                rows.channels.add(channel.name());
                rows.webhookIds.add(webhookId);
                rows.types.add(event.type());
                rows.subjects.add(event.subject());
                rows.severities.add(severity);
                rows.payloads.add(body);
                rows.leased.add(leased);
            }
        }
    }

    /**
     * One statement for all rows; a conflicting key (event seen before) inserts nothing and counts 0. The rows
     * handed to the dispatcher are due at the end of a lease, as a claim would leave them; the others now.
     */
    private int insert(Rows rows, Handoff handoff) {
        if (rows.isEmpty()) {
            return 0;
        }
        boolean[] leased = new boolean[rows.leased.size()];
        for (int i = 0; i < leased.length; i++) {
            leased[i] = rows.leased.get(i);
        }
        List<UUID> inserted = jdbc.sql("""
                INSERT INTO delivery (id, delivery_key, subscription_id, channel, webhook_id, event_type, subject,
                  severity, payload, status, attempts, next_attempt_at, created_at)
                SELECT r.id::uuid, r.delivery_key, r.subscription_id::uuid, r.channel, r.webhook_id, r.event_type, r.subject,
                  r.severity, r.payload, 'PENDING', 0,
                  CASE WHEN r.leased THEN ?::timestamptz ELSE ?::timestamptz END, ?::timestamptz
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                  ?::boolean[])
                  AS r(id, delivery_key, subscription_id, channel, webhook_id, event_type, subject, severity, payload, leased)
                ON CONFLICT (delivery_key) DO NOTHING
                RETURNING id""")
                .params(Timestamp.from(handoff.leasedUntil), Timestamp.from(handoff.now), Timestamp.from(handoff.now),
                        array(rows.ids), array(rows.keys), array(rows.subscriptions), array(rows.channels),
                        array(rows.webhookIds), array(rows.types), array(rows.subjects), array(rows.severities),
                        array(rows.payloads), leased)
                .query(UUID.class).list();
        if (!handoff.reserved.isEmpty()) {
            for (UUID id : inserted) {
                Delivery delivery = handoff.reserved.get(id);
                if (delivery != null) {
                    handoff.inserted.add(delivery);
                }
            }
        }
        return inserted.size();
    }

    private static String[] array(List<String> column) {
        return column.toArray(String[]::new);
    }

    /** Every partition's position in one statement; a position never moves back. */
    private void savePositions(Collection<ConsumerPosition> positions) {
        if (positions.isEmpty()) {
            return;
        }
        List<ConsumerPosition> all = List.copyOf(positions);
        jdbc.sql("""
                INSERT INTO consumer_offset (consumer_group, topic, partition_id, next_offset)
                SELECT * FROM unnest(?::text[], ?::text[], ?::int[], ?::bigint[])
                ON CONFLICT (consumer_group, topic, partition_id)
                DO UPDATE SET next_offset = greatest(consumer_offset.next_offset, excluded.next_offset)""")
                .params(all.stream().map(ConsumerPosition::group).toArray(String[]::new),
                        all.stream().map(ConsumerPosition::topic).toArray(String[]::new),
                        all.stream().mapToInt(ConsumerPosition::partition).toArray(),
                        all.stream().mapToLong(ConsumerPosition::nextOffset).toArray())
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
