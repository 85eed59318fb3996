package io.chainhub.platform.defaults;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every ChainHub service shares, added with the lowest precedence so that a
 * service's {@code application.yml}, environment variables and test properties all win.
 */
public class PlatformDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "chainhubPlatformDefaults";

    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus"),
            // /actuator/health/liveness and /readiness, also outside Kubernetes: the local stack waits on them.
            Map.entry("management.endpoint.health.probes.enabled", "true"),
            Map.entry("management.endpoint.health.show-details", "when-authorized"),
            Map.entry("management.metrics.tags.application", "${spring.application.name:chainhub}"),
            Map.entry("spring.mvc.problemdetails.enabled", "true"),
            Map.entry("server.error.include-stacktrace", "never"),
            Map.entry("server.error.include-message", "never"),
            // A killed process's consumer keeps its partitions until its session times out, so a restarted service
            // (or another instance) waits that long before it reads again: 10 s instead of Kafka's 45 s. Heartbeats
            // go every 3 s from a thread of their own, so slow processing does not end a session; only a process
            // that stops for 10 s does. Both for plain consumers and for the Streams applications' consumers.
            Map.entry("spring.kafka.consumer.properties.session.timeout.ms", "10000"),
            Map.entry("spring.kafka.streams.properties.session.timeout.ms", "10000"),
            // every Kafka client logs its whole configuration (a hundred lines each) at INFO: noise that buries
            // what matters. Kafka 4 logs it, and the "supplied but not used" list, through AbstractConfig.
            Map.entry("logging.level.org.apache.kafka.common.config.AbstractConfig", "WARN"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, DEFAULTS));
    }
}
