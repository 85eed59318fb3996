package io.chainhub.notification.ingest;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import io.chainhub.events.custody.CustodyEvent;
import io.chainhub.events.fraud.FraudAlertEvent;
import io.chainhub.events.kafka.CloudEventHeaders;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.notification.matching.NotificationEvent;
import io.chainhub.notification.subscription.EventTypes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * Reads the three consumed topics into {@link NotificationEvent}s. The dedup id is the record's
 * {@code ce_id} header, or the one the event contract defines when the header is missing.
 */
final class EventDecoder {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private EventDecoder() {
    }

    static NotificationEvent decode(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new PoisonRecordException("empty value (tombstone) on " + record.topic(), null);
        }
        CeHeaders ce = CeHeaders.of(record.headers());
        try {
            return switch (record.topic()) {
                case Topics.TOKEN_TRANSFERS -> transfer(record.value(), ce);
                case Topics.FRAUD_ALERTS -> alert(record.value(), ce);
                case Topics.CUSTODY_EVENTS -> custody(record.value(), ce);
                default -> throw new PoisonRecordException("unexpected topic " + record.topic(), null);
            };
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new PoisonRecordException("unreadable " + record.topic() + " record: " + e.getMessage(), e);
        }
    }

    private static NotificationEvent transfer(byte[] value, CeHeaders ce) {
        TransferEvent t = EventJson.mapper().readValue(value, TransferEvent.class);
        require(t.eventId() != null && t.status() != null, "transfer without eventId or status");
        String type = "transfer." + t.status().name().toLowerCase(Locale.ROOT);
        String id = ce.idOr(t.cloudEventId());
        Instant time = t.blockTimestamp() > 0 ? Instant.ofEpochSecond(t.blockTimestamp())
                : ce.timeOrNow();
        String token = t.token() == null || t.token().address() == null ? null : t.token().address().toLowerCase(Locale.ROOT);
        return new NotificationEvent(id, type, t.eventId(), time, t.chainId(), lower(t.from()), lower(t.to()), token,
                t.standard(), t.value() == null ? null : new BigInteger(t.value()), null, data(value));
    }

    private static NotificationEvent alert(byte[] value, CeHeaders ce) {
        FraudAlertEvent a = EventJson.mapper().readValue(value, FraudAlertEvent.class);
        require(a.alertId() != null && a.severity() != null, "alert without alertId or severity");
        String id = ce.idOr(a.cloudEventId());
        Instant time = a.lastSeen() != null ? a.lastSeen() : ce.timeOrNow();
        return new NotificationEvent(id, EventTypes.FRAUD_ALERT, a.alertId(), time, a.chainId(), lower(a.subject()),
                null, null, null, null, a.severity(), data(value));
    }

    private static NotificationEvent custody(byte[] value, CeHeaders ce) {
        CustodyEvent c = EventJson.mapper().readValue(value, CustodyEvent.class);
        require(c.eventId() != null && c.type() != null && c.type().startsWith("custody."), "custody event without eventId or custody.* type");
        String id = ce.idOr(c.eventId());
        Instant time = c.occurredAt() != null ? c.occurredAt() : ce.timeOrNow();
        return new NotificationEvent(id, c.type(), c.sagaId(), time, c.chainId(), lower(c.address()), null,
                lower(c.token()), null, c.amount() == null ? null : new BigInteger(c.amount()), null, data(value));
    }

    /**
     * The CloudEvents headers used here, read as {@link CloudEventHeaders#read} does (none without both id and
     * type), except that {@code ce_time} is parsed only when the event has no time of its own: parsing it for
     * every record was a tenth of the ingest's CPU.
     */
    private record CeHeaders(String id, String time) {

        static final CeHeaders NONE = new CeHeaders(null, null);

        static CeHeaders of(Headers headers) {
            String id = last(headers, CloudEventHeaders.ID);
            if (id == null || last(headers, CloudEventHeaders.TYPE) == null) {
                return NONE;
            }
            return new CeHeaders(id, last(headers, CloudEventHeaders.TIME));
        }

        String idOr(String fallback) {
            return id != null ? id : fallback;
        }

        Instant timeOrNow() {
            return time != null ? Instant.parse(time) : Instant.now();
        }

        private static String last(Headers headers, String name) {
            Header header = headers.lastHeader(name);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    }

    /** The event as published (tolerant: fields this service does not know are passed on too). */
    private static Map<String, Object> data(byte[] value) {
        return EventJson.mapper().readValue(value, MAP);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static String lower(String address) {
        return address == null ? null : address.toLowerCase(Locale.ROOT);
    }
}
