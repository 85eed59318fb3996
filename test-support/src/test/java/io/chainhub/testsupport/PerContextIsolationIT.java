package io.chainhub.testsupport;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class PerContextIsolationIT {

    @Test
    void shouldGiveEachContextItsOwnDatabaseAndKafkaNames() {
        var first = initializedContext();
        var second = initializedContext();

        for (String property : new String[] {"spring.datasource.url", "spring.kafka.consumer.group-id",
                "spring.kafka.streams.application-id", "spring.kafka.streams.state-dir"}) {
            assertThat(first.getEnvironment().getProperty(property)).as(property)
                    .isNotBlank()
                    .isNotEqualTo(second.getEnvironment().getProperty(property));
        }
        assertThat(first.getEnvironment().getProperty("spring.kafka.streams.application-id")).startsWith("analytics-");
    }

    private static GenericApplicationContext initializedContext() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment().getPropertySources().addLast(new MapPropertySource("application", Map.of(
                "spring.kafka.consumer.group-id", "analytics",
                "spring.kafka.streams.application-id", "analytics")));
        new TestInfrastructureInitializer().initialize(context);
        return context;
    }
}
