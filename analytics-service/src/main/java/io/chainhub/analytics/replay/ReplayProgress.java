package io.chainhub.analytics.replay;

import java.util.List;

/**
 * How far this application id has read its input topics ({@code GET /api/analytics/replay}).
 *
 * @param applicationId the Kafka Streams application id (also the consumer group)
 * @param state         Kafka Streams state (REBALANCING, RUNNING, ...)
 * @param totalLag      records still to read over all input partitions
 * @param caughtUp      lag 0 and RUNNING: a rebuild is finished
 */
public record ReplayProgress(String applicationId, String state, long totalLag, boolean caughtUp,
        List<PartitionLag> partitions) {

    /** @param committed offset committed by the application, -1 before its first commit */
    public record PartitionLag(String topic, int partition, long committed, long end, long lag) {
    }
}
