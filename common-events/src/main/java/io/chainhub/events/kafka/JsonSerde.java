package io.chainhub.events.kafka;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;

/**
 * Kafka serde for one event record type on {@link EventJson}. Usable by plain clients, spring-kafka
 * (wrap the deserializer in an {@code ErrorHandlingDeserializer} so poison records reach a dead-letter
 * topic) and Kafka Streams.
 */
public final class JsonSerde<T> implements Serde<T> {

    private final Class<T> type;

    public JsonSerde(Class<T> type) {
        this.type = type;
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : EventJson.mapper().writeValueAsBytes(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return EventJson.mapper().readValue(bytes, type);
            } catch (JacksonException e) {
                throw new SerializationException("Not a valid " + type.getSimpleName() + " on " + topic
                        + ": " + e.getOriginalMessage(), e);
            }
        };
    }
}
