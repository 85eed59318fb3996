package io.chainhub.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

import io.chainhub.localstack.postgres.Postgres;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at the {@link TestInfrastructure}: Kafka, a database of its own,
 * anvil, the SMTP sink and the test JWT key. Names that must not be shared between contexts
 * running against the same broker (consumer group, transactional id prefix, Streams application
 * id) get a per-context suffix when the application configures them.
 */
public final class TestInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROPERTY_SOURCE = "chainhubTestInfrastructure";
    /** The per-context suffix, for applications that build further unique names from it. */
    public static final String SUFFIX_PROPERTY = "chainhub.test.unique-suffix";
    private static final String[] SUFFIXED = {
            "spring.kafka.consumer.group-id",
            "spring.kafka.producer.transaction-id-prefix",
            "spring.kafka.streams.application-id"};

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure infra = TestInfrastructure.get();
        ConfigurableEnvironment environment = context.getEnvironment();
        String suffix = infra.uniqueName("ctx");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(SUFFIX_PROPERTY, suffix);
        properties.put("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers());
        properties.put("spring.datasource.url", infra.createDatabase());
        properties.put("spring.datasource.username", Postgres.USER);
        properties.put("spring.datasource.password", Postgres.PASSWORD);
        properties.put("spring.security.oauth2.resourceserver.jwt.public-key-location", infra.tokens().publicKeyLocation());
        properties.put("spring.mail.host", "localhost");
        properties.put("spring.mail.port", infra.mail().smtpPort());
        properties.put("chainhub.chain.rpc-url", infra.anvil().httpUrl());
        properties.put("chainhub.chain.ws-url", infra.anvil().wsUrl());
        properties.put("spring.kafka.streams.state-dir", streamsStateDir(suffix));
        for (String name : SUFFIXED) {
            String configured = environment.getProperty(name);
            if (configured != null && !configured.isBlank()) {
                // "listener-tx-" stays a prefix: "listener-tx-ctx-3-"
                properties.put(name, configured.endsWith("-") ? configured + suffix + "-" : configured + "-" + suffix);
            }
        }
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
    }

    /** Two contexts with one Streams state dir would fight over its lock. */
    private static String streamsStateDir(String suffix) {
        return TempDirs.create("streams-" + suffix + "-").toString();
    }
}
