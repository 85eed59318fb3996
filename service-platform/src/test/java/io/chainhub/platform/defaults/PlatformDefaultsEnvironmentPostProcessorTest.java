package io.chainhub.platform.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The platform's defaults sit under a service's own settings and merge with its Kafka client properties. */
class PlatformDefaultsEnvironmentPostProcessorTest {

    private static final Bindable<Map<String, String>> PROPERTIES = Bindable.mapOf(String.class, String.class);

    @Test
    void shouldShortenTheSessionTimeoutBesideTheServicesOwnConsumerProperties() {
        var environment = environmentWith(Map.of("spring.kafka.consumer.properties.max.partition.fetch.bytes", "4194304"));

        Map<String, String> consumer = Binder.get(environment).bind("spring.kafka.consumer.properties", PROPERTIES).get();
        Map<String, String> streams = Binder.get(environment).bind("spring.kafka.streams.properties", PROPERTIES).get();

        assertThat(consumer).containsEntry("session.timeout.ms", "10000")
                .containsEntry("max.partition.fetch.bytes", "4194304");
        assertThat(streams).containsEntry("session.timeout.ms", "10000");
    }

    @Test
    void shouldLetTheServiceChooseItsOwnSessionTimeout() {
        var environment = environmentWith(Map.of("spring.kafka.consumer.properties.session.timeout.ms", "30000"));

        assertThat(environment.getProperty("spring.kafka.consumer.properties.session.timeout.ms")).isEqualTo("30000");
    }

    private static StandardEnvironment environmentWith(Map<String, Object> applicationYml) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application.yml", applicationYml));
        new PlatformDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
