package io.chainhub.notification.ingest;

import io.chainhub.events.topics.Topics;

import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Listener container: values read as bytes (decoded per topic by {@link EventDecoder}), a bounded
 * back-off for transient failures (database down), then the record goes to {@code <topic>.dlt} with the
 * reason in headers; unreadable records go there at once.
 */
@Configuration(proxyBeanMethods = false)
class IngestKafkaConfiguration {

    @Bean
    DefaultErrorHandler ingestErrorHandler(KafkaTemplate<Object, Object> template) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1));
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxElapsedTime(10_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(PoisonRecordException.class);
        return handler;
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> kafkaListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory,
            DefaultErrorHandler ingestErrorHandler, OffsetSeeker seeker) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory);
        factory.setCommonErrorHandler(ingestErrorHandler);
        factory.getContainerProperties().setConsumerRebalanceListener(seeker);
        // the position that matters is the one stored with the deliveries (OffsetSeeker seeks to it); Kafka's
        // commit only saves re-reading, so the next poll need not wait for the broker's answer
        factory.getContainerProperties().setSyncCommits(false);
        return factory;
    }
}
