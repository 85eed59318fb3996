package io.chainhub.listener.chain;

import io.chainhub.listener.ingest.ListenerProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds the chain settings. {@link ListenerProperties} is registered here too because the ingest
 * needs it and nothing else binds it (registering it twice elsewhere would be harmless).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ChainProperties.class, ListenerProperties.class})
class ChainConfiguration {
}
