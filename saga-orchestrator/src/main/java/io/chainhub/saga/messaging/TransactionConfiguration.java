package io.chainhub.saga.messaging;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The database transaction manager is THE transaction manager of {@code @Transactional}. Boot backs
 * off from creating one as soon as the KafkaTransactionManager exists (transaction-id prefix set),
 * which would silently leave every {@code @Transactional} method running JDBC in autocommit.
 * Listener containers keep using the KafkaTransactionManager for their offsets.
 */
@Configuration(proxyBeanMethods = false)
class TransactionConfiguration {

    @Bean
    @Primary
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }
}
