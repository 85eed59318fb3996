package io.chainhub.fraud;

import javax.sql.DataSource;

import io.chainhub.events.topics.Topics;
import io.chainhub.fraud.stream.FraudTopology;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka plumbing shared by the listeners: the internal rule-hits topic, dead-lettering of poison records
 * and the database transaction manager next to Boot's Kafka one.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class KafkaConfiguration {

    @Bean
    NewTopic ruleHitsTopic() {
        return TopicBuilder.name(FraudTopology.RULE_HITS).partitions(3).replicas(1).build();
    }

    @Bean
    NewTopic ruleHitsDeadLetterTopic() {
        return TopicBuilder.name(FraudTopology.RULE_HITS + Topics.DEAD_LETTER_SUFFIX).partitions(1).replicas(1).build();
    }

    /**
     * Listener containers run in Kafka transactions (Boot wires the KafkaTransactionManager because of
     * {@code transaction-id-prefix}), so failures go through the after-rollback processor: three tries,
     * then the record goes to {@code <topic>.dlt} with the exception in headers, in a transaction that also
     * commits its offset.
     */
    @Bean
    DefaultAfterRollbackProcessor<Object, Object> afterRollbackProcessor(KafkaTemplate<Object, Object> template) {
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1));
        return new DefaultAfterRollbackProcessor<>(recoverer, new FixedBackOff(200, 2), template, true);
    }

    /** The Kafka transaction manager would otherwise stop Boot from creating the JDBC one. */
    @Bean
    @Primary
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }
}
