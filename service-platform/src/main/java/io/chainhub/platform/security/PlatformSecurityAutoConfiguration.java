package io.chainhub.platform.security;

import java.util.List;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Every service is an OAuth2 resource server. Which key validates tokens is Boot's own choice,
 * driven by {@code spring.security.oauth2.resourceserver.jwt.*} (see the module README).
 *
 * <p>Convention under {@code /api/**}: reads (GET, HEAD) need {@code viewer}; anything else
 * needs at least a writing role ({@code operator} or {@code approver}), so a viewer can never
 * change state even on an endpoint that forgot its {@code @PreAuthorize}. Endpoints narrow
 * that further with {@code @PreAuthorize("hasRole('operator')")}.
 */
@AutoConfiguration(before = {OAuth2ResourceServerWebSecurityAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformSecurityProperties.class)
@EnableWebSecurity
@EnableMethodSecurity
public class PlatformSecurityAutoConfiguration {

    /** Open without a token: probes, metrics scrape and API documentation. */
    static final List<String> OPEN_PATHS = List.of("/actuator/health", "/actuator/health/**",
            "/actuator/info", "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**",
            "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**", "/error");

    /**
     * No Micrometer observations of Spring Security's own steps (filter chain, authentication, authorization):
     * each request started and stopped several timers, one per filter stage (~10 % of a short request's CPU in
     * the analytics profile). Requests are still timed as a whole ({@code http.server.requests}), 401 and 403
     * included.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Wraps whatever {@link JwtDecoder} Boot builds from {@code spring.security.oauth2.resourceserver.jwt.*} (key
     * location, audiences, validators stay Boot's) in a {@link VerifiedTokenCache}. A post-processor, not a
     * decoder bean of our own: that would switch Boot's decoder off. Off with
     * {@code chainhub.security.verified-token-cache=false} (tests that stub a decoder per test).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "chainhub.security", name = "verified-token-cache", havingValue = "true",
            matchIfMissing = true)
    static class VerifiedTokens {

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

    // static: method security reads it while its own infrastructure is being created
    @Bean
    @ConditionalOnMissingBean
    static RoleHierarchy roleHierarchy() {
        return ChainHubRoles.hierarchy();
    }

    @Bean
    @ConditionalOnMissingBean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        var authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain chainHubSecurityFilterChain(HttpSecurity http, PlatformSecurityProperties properties,
            JwtAuthenticationConverter jwtAuthenticationConverter,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        var problems = new ProblemSecurityHandlers(resolver);
        String[] publicPaths = properties.publicPaths().toArray(String[]::new);
        return http
                // Bearer tokens only, no cookies: CSRF cannot ride on a session that does not exist.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(OPEN_PATHS.toArray(String[]::new)).permitAll()
                        .requestMatchers(publicPaths).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole(ChainHubRoles.VIEWER)
                        .requestMatchers(HttpMethod.HEAD, "/api/**").hasRole(ChainHubRoles.VIEWER)
                        .requestMatchers("/api/**").hasAnyRole(ChainHubRoles.OPERATOR, ChainHubRoles.APPROVER)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }
}
