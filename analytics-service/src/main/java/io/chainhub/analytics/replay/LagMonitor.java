package io.chainhub.analytics.replay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.chainhub.analytics.query.StoreAccess;
import io.chainhub.events.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The lag of the Streams application on its input topics: the progress of a rebuild, logged every
 * 10 s while there is lag and served by {@link ReplayController}.
 */
@Component
class LagMonitor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LagMonitor.class);
    private static final List<String> INPUTS = List.of(Topics.TOKEN_TRANSFERS, Topics.CHAIN_BLOCKS);

    private final StoreAccess stores;
    private final StreamsBuilderFactoryBean factory;
    private final Admin admin;
    private long lastLoggedLag = -1;

    LagMonitor(StoreAccess stores, StreamsBuilderFactoryBean factory, KafkaAdmin kafkaAdmin) {
        this.stores = stores;
        this.factory = factory;
        this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    ReplayProgress progress() throws Exception {
        String applicationId = String.valueOf(factory.getStreamsConfiguration().get("application.id"));
        KafkaStreams.State state = stores.streams().state();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        List<TopicPartition> partitions = admin.describeTopics(INPUTS).allTopicNames().get(10, TimeUnit.SECONDS)
                .values().stream().flatMap(topic -> topic.partitions().stream()
                        .map(p -> new TopicPartition(topic.name(), p.partition()))).toList();
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
                .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(10, TimeUnit.SECONDS);
        List<ReplayProgress.PartitionLag> lags = new ArrayList<>();
        long total = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            long position = offset == null ? -1 : offset.offset();
            long end = ends.get(partition).offset();
            // before the first commit everything is still to read
            long lag = Math.max(0, end - Math.max(position, 0));
            total += lag;
            lags.add(new ReplayProgress.PartitionLag(partition.topic(), partition.partition(), position, end, lag));
        }
        lags.sort(Comparator.comparing(ReplayProgress.PartitionLag::topic)
                .thenComparingInt(ReplayProgress.PartitionLag::partition));
        return new ReplayProgress(applicationId, state.name(), total,
                total == 0 && state == KafkaStreams.State.RUNNING, lags);
    }

    @Scheduled(fixedDelay = 10, initialDelay = 10, timeUnit = TimeUnit.SECONDS)
    void logWhileBehind() {
        try {
            ReplayProgress progress = progress();
            if (progress.totalLag() > 0 || lastLoggedLag > 0) {
                log.info("aggregates of {}: {} records behind on {} ({})", progress.applicationId(),
                        progress.totalLag(), INPUTS, progress.state());
            }
            lastLoggedLag = progress.totalLag();
        } catch (Exception e) {
            log.debug("lag not available: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
