package io.chainhub.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings a service may add to the platform defaults.
 *
 * @param publicPaths extra path patterns reachable without a token (e.g. a dashboard page);
 *                    health, info, prometheus and the OpenAPI documents are always open
 */
@ConfigurationProperties("chainhub.security")
public record PlatformSecurityProperties(@DefaultValue List<String> publicPaths) {
}
