package io.chainhub.saga.messaging;

import io.chainhub.events.topics.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Listener containers consume read_committed inside Kafka transactions (Boot wires the
 * KafkaTransactionManager because a transaction-id prefix is set). Bad records are dead-lettered by
 * {@link ConsumedBatches} in the transaction that commits the poll's offsets; a poll that fails as a
 * whole is rolled back and redelivered (after-rollback processor, 200 ms apart).
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

    /**
     * The listeners are batch listeners that isolate and dead-letter bad records themselves
     * ({@link ConsumedBatches}); whatever still escapes a poll is a crash. A batch error handler such as
     * {@code DefaultErrorHandler} would retry the poll in place and then dead-letter ALL its records —
     * replies whose database transaction rolled back would be lost. This one rethrows: the Kafka
     * transaction rolls back and the after-rollback processor seeks back, so the poll is redelivered.
     */
    @Bean
    CommonErrorHandler errorHandler() {
        return new CommonErrorHandler() {
            @Override
            public void handleBatch(Exception thrownException, ConsumerRecords<?, ?> data, Consumer<?, ?> consumer,
                                    MessageListenerContainer container, Runnable invokeListener) {
                throw thrownException instanceof RuntimeException runtime ? runtime
                        : new KafkaException("listener failed", thrownException);
            }

            @Override
            public boolean handleOne(Exception thrownException, ConsumerRecord<?, ?> record, Consumer<?, ?> consumer,
                                     MessageListenerContainer container) {
                throw thrownException instanceof RuntimeException runtime ? runtime
                        : new KafkaException("listener failed", thrownException);
            }
        };
    }
}
