package io.chainhub.saga.messaging;

import io.chainhub.events.topics.Topics;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Listener containers consume read_committed inside Kafka transactions (Boot wires the
 * KafkaTransactionManager because a transaction-id prefix is set). A record that keeps failing is
 * retried a bounded number of times, then published to {@code <topic>.dlt} with the reason in headers
 * and its offset committed in the same transaction; unreadable records skip the retries.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SagaProperties.class)
class KafkaConfiguration {

    @Bean
    DeadLetterPublishingRecoverer deadLetters(KafkaTemplate<String, String> template) {
        return new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, 0));
    }

    @Bean
    AfterRollbackProcessor<Object, Object> afterRollbackProcessor(DeadLetterPublishingRecoverer deadLetters,
                                                                 KafkaTemplate<String, String> template) {
        var processor = new DefaultAfterRollbackProcessor<Object, Object>(deadLetters, new FixedBackOff(200, 3),
                template, true);
        processor.addNotRetryableExceptions(PoisonRecordException.class);
        return processor;
    }

    /** Used where a container runs without transactions. */
    @Bean
    DefaultErrorHandler errorHandler(DeadLetterPublishingRecoverer deadLetters) {
        var handler = new DefaultErrorHandler(deadLetters, new FixedBackOff(200, 3));
        handler.addNotRetryableExceptions(PoisonRecordException.class);
        return handler;
    }
}
