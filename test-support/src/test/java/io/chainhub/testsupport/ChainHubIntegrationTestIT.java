package io.chainhub.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

@ChainHubIntegrationTest(properties = {"spring.kafka.consumer.group-id=notifier",
        "spring.kafka.producer.transaction-id-prefix=notifier-tx-"})
class ChainHubIntegrationTestIT {

    @Autowired
    Environment environment;

    @Test
    void shouldPointTheContextAtTheTestInfrastructure() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(infra.kafkaBootstrapServers());
        assertThat(environment.getProperty("chainhub.chain.rpc-url")).isEqualTo(infra.anvil().httpUrl());
        assertThat(environment.getProperty("chainhub.chain.ws-url")).isEqualTo(infra.anvil().wsUrl());
        assertThat(environment.getProperty("spring.mail.port", Integer.class)).isEqualTo(infra.mail().smtpPort());
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.public-key-location"))
                .isEqualTo(infra.tokens().publicKeyLocation());
        try (Connection connection = DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"))) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    @Test
    void shouldSuffixTheKafkaNamesTheApplicationConfigures() {
        String suffix = environment.getProperty(TestInfrastructureInitializer.SUFFIX_PROPERTY);

        assertThat(suffix).isNotBlank();
        assertThat(environment.getProperty("spring.kafka.consumer.group-id")).isEqualTo("notifier-" + suffix);
        assertThat(environment.getProperty("spring.kafka.producer.transaction-id-prefix")).isEqualTo("notifier-tx-" + suffix + "-");
        assertThat(environment.getProperty("spring.kafka.streams.application-id")).as("not configured, not invented").isNull();
    }

    @SpringBootApplication
    static class App {
    }
}
