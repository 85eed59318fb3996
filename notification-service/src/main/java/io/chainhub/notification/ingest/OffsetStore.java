package io.chainhub.notification.ingest;

import java.util.OptionalLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the consumer positions that {@code DeliveryWriter} stores with the deliveries. */
@Repository
class OffsetStore {

    private final JdbcClient jdbc;

    OffsetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    OptionalLong find(String group, String topic, int partition) {
        return jdbc.sql("SELECT next_offset FROM consumer_offset WHERE consumer_group = ? AND topic = ? AND partition_id = ?")
                .params(group, topic, partition).query(Long.class).optional()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }
}
