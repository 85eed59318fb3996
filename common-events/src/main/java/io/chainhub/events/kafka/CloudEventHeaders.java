package io.chainhub.events.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Writes and reads CloudEvents binary-mode Kafka headers ({@code ce_*} plus {@code content-type}).
 * Every producer and consumer goes through this class so the header names exist in one place.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    public static void write(Headers headers, CloudEvent event) {
        put(headers, SPEC_VERSION, "1.0");
        put(headers, ID, event.id());
        put(headers, SOURCE, event.source());
        put(headers, TYPE, event.type());
        put(headers, TIME, event.time().toString());
        if (event.subject() != null) {
            put(headers, SUBJECT, event.subject());
        }
        put(headers, CONTENT_TYPE, JSON);
    }

    /** Empty when the record carries no CloudEvents id/type (not one of ours). */
    public static Optional<CloudEvent> read(Headers headers) {
        String id = last(headers, ID);
        String type = last(headers, TYPE);
        if (id == null || type == null) {
            return Optional.empty();
        }
        String time = last(headers, TIME);
        return Optional.of(new CloudEvent(id, last(headers, SOURCE), type,
                time == null ? null : Instant.parse(time), last(headers, SUBJECT)));
    }

    /** The id alone, with {@link #read}'s condition (id and type present), without parsing the other attributes. */
    public static Optional<String> id(Headers headers) {
        String id = last(headers, ID);
        return id == null || headers.lastHeader(TYPE) == null ? Optional.empty() : Optional.of(id);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String last(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
