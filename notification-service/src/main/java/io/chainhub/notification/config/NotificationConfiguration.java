package io.chainhub.notification.config;

import java.net.http.HttpClient;
import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Redirects are never followed: a 3xx is a failed delivery (and could point anywhere, SSRF). */
    @Bean(destroyMethod = "close")
    HttpClient webhookHttpClient(NotificationProperties properties) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.webhook().timeout())
                .build();
    }
}
