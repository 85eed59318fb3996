package io.chainhub.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The OpenAPI document of a service: titled after {@code spring.application.name}, with a
 * bearer-JWT scheme applied to every operation so Swagger UI's "Authorize" button takes a
 * token from {@code ./chainhub token USER}.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class PlatformOpenApiAutoConfiguration {

    static final String BEARER_JWT = "bearer-jwt";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI chainHubOpenApi(Environment environment) {
        String name = environment.getProperty("spring.application.name", "chainhub-service");
        return new OpenAPI()
                .info(new Info().title(name).version(environment.getProperty("info.app.version", "0.1.0"))
                        .description("ChainHub " + name + ". Roles come from the token's 'roles' claim: "
                                + "viewer, operator, approver, admin."))
                .components(new Components().addSecuritySchemes(BEARER_JWT, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_JWT));
    }
}
