package io.chainhub.analytics.aggregate;

import io.chainhub.analytics.AnalyticsProperties;
import io.chainhub.analytics.feed.LargeTransferFeed;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/**
 * Builds the topology on Boot's Kafka Streams (configured by {@code spring.kafka.streams.*}:
 * application id, exactly_once_v2, application.server, replication factor).
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsSetup {

    @Bean
    Topology analyticsTopology(StreamsBuilder builder, AnalyticsProperties properties, LargeTransferFeed feed) {
        AnalyticsTopology.build(builder, properties, feed::accept);
        return builder.build();
    }
}
