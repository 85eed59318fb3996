package io.chainhub.listener.gateway;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The chain gateway, wired only when a hot-wallet key is configured ({@code chainhub.gateway.private-key}
 * or {@code chainhub.gateway.keystore-file}) and not switched off: without one the listener runs as before.
 * It keeps its tables under its own Flyway history ({@code db/gateway}, {@code gateway_schema_history})
 * and its own JDBC transaction manager, so it changes nothing of the listener's wiring.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
@ConditionalOnExpression("${chainhub.gateway.enabled:true} and ('${chainhub.gateway.private-key:}' != '' or '${chainhub.gateway.keystore-file:}' != '')")
class GatewayConfiguration {

    @Bean
    GatewayWorker chainGatewayWorker(GatewayProperties properties, DataSource dataSource, KafkaProperties kafka,
                                     Environment environment, ObjectProvider<FlywayMigrationInitializer> listenerFlyway) {
        listenerFlyway.getIfAvailable(); // the listener's own migrations first: they create the schema
        Flyway.configure().dataSource(dataSource).locations("classpath:db/gateway").table("gateway_schema_history")
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        String rpcUrl = properties.rpcUrl() != null ? properties.rpcUrl()
                : environment.getProperty("chainhub.chain.rpc-url", "http://localhost:8545");
        Web3j web3j = Web3j.build(new HttpService(rpcUrl));
        TransactionTemplate transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        ChainGateway gateway = new ChainGateway(properties, LocalKeySigner.fromProperties(properties), web3j,
                new GatewayStore(JdbcClient.create(dataSource)), transactions);
        String prefix = kafka.getProducer().getTransactionIdPrefix();
        String transactionalId = (prefix == null ? "listener-tx-" : prefix) + "gateway-" + properties.chainId();
        return new GatewayWorker(gateway, properties, kafka.buildConsumerProperties(), kafka.buildProducerProperties(),
                transactionalId);
    }
}
