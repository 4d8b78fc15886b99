package cn.anwang.identity.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells the OpenAPI description (and Swagger UI's "Authorize" button) that the API uses Basic or a
 * personal bearer token.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsSecurity {

  static final String SCHEME = "basicAuth";
  static final String TOKEN_SCHEME = "bearerToken";

  @Bean
  OpenApiCustomizer basicAuthentication() {
    return openApi -> {
      if (openApi.getComponents() == null) {
        openApi.setComponents(new Components());
      }
      openApi
          .getComponents()
          .addSecuritySchemes(
              SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
          .addSecuritySchemes(
              TOKEN_SCHEME,
              new SecurityScheme()
                  .type(SecurityScheme.Type.HTTP)
                  .scheme("bearer")
                  .bearerFormat("anw_ personal token (docs/api-tokens.md)"));
      // either one: Basic or a bearer token
      openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
      openApi.addSecurityItem(new SecurityRequirement().addList(TOKEN_SCHEME));
    };
  }
}
