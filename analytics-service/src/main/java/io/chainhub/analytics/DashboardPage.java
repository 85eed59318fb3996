package io.chainhub.analytics;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard at {@code /dashboard/} (static files under {@code static/dashboard/}, open without
 * a token; the page itself calls the API with a viewer token).
 */
@Configuration(proxyBeanMethods = false)
class DashboardPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/dashboard", "/dashboard/");
        registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
    }
}
