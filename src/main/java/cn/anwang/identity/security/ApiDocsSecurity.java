package cn.anwang.identity.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells the OpenAPI description (and Swagger UI's "Authorize" button) that the API uses Basic. */
@Configuration(proxyBeanMethods = false)
class ApiDocsSecurity {

  static final String SCHEME = "basicAuth";

  @Bean
  OpenApiCustomizer basicAuthentication() {
    return openApi -> {
      if (openApi.getComponents() == null) {
        openApi.setComponents(new Components());
      }
      openApi
          .getComponents()
          .addSecuritySchemes(
              SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"));
      openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
    };
  }
}
