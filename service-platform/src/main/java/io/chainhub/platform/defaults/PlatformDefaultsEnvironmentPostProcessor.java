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

    static final Map<String, Object> DEFAULTS = Map.of(
            "management.endpoints.web.exposure.include", "health,info,prometheus",
            // /actuator/health/liveness and /readiness, also outside Kubernetes: the local stack waits on them.
            "management.endpoint.health.probes.enabled", "true",
            "management.endpoint.health.show-details", "when-authorized",
            "management.metrics.tags.application", "${spring.application.name:chainhub}",
            "spring.mvc.problemdetails.enabled", "true",
            "server.error.include-stacktrace", "never",
            "server.error.include-message", "never");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, DEFAULTS));
    }
}
