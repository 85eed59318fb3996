package io.chainhub.analytics.security;

import java.time.Clock;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Wraps whatever {@link JwtDecoder} Boot builds from {@code spring.security.oauth2.resourceserver.jwt.*}
 * (key location, audiences, validators stay Boot's) in a {@link VerifiedTokenCache}. A post-processor,
 * not a decoder bean of our own: that would switch Boot's decoder off.
 */
@Configuration(proxyBeanMethods = false)
class VerifiedTokenCacheConfiguration {

    // static: post-processors are created before the other beans
    @Bean
    static BeanPostProcessor verifiedTokenCachePostProcessor() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokenCache)
                        ? new VerifiedTokenCache(decoder, Clock.systemUTC()) : bean;
            }
        };
    }
}
