package io.chainhub.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link ProblemDetailsAdvice}. Runs before Boot's MVC auto-configuration so that
 * Boot's own {@code ProblemDetailsExceptionHandler} (a {@code ResponseEntityExceptionHandler} that
 * only covers MVC exceptions) backs off.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PlatformWebAutoConfiguration {

    // declared as the concrete type: MVC finds advice beans by the @RestControllerAdvice on their type
    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }
}
