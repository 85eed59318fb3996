package io.chainhub.fraud.stream;

import java.time.Duration;

import io.chainhub.fraud.rule.RuleRegistry;
import io.chainhub.fraud.watchlist.WatchlistRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * The rules run as a Kafka Streams application managed by Spring's {@code StreamsBuilderFactoryBean}
 * ({@code @EnableKafkaStreams}): Boot binds {@code spring.kafka.streams.*} (application id, state dir,
 * replication factor, exactly_once_v2), starts it after the context is ready, closes it cleanly on
 * shutdown and exposes it to the health endpoint and Micrometer, with no lifecycle code of ours.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsConfiguration {

    /**
     * Leave the consumer group on a clean shutdown, so another instance (or this one, restarted) takes the
     * partitions over at once instead of after the session timeout.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer leaveGroupOnClose() {
        return factoryBean -> factoryBean.setLeaveGroupOnClose(true);
    }

    @Bean
    Object fraudTopology(StreamsBuilder builder, RuleRegistry rules, WatchlistRegistry lists,
            @Value("${chainhub.fraud.in-memory-state:false}") boolean inMemoryState,
            @Value("${chainhub.fraud.counterparty-retention:P90D}") Duration counterpartyRetention) {
        FraudTopology.build(builder, rules, lists, inMemoryState, counterpartyRetention);
        return FraudTopology.class;
    }
}
