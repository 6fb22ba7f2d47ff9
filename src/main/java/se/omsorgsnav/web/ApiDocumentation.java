package se.omsorgsnav.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.Components;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI omsorgsnavApi() {
        return new OpenAPI()
                .info(new Info().title("Omsorgsnav API").version("v1")
                        .description("Ärenden och personer inom äldreomsorgen. Personuppgifter lämnas bara ut genom "
                                + "behörighetskontrollen: skyddade personer visas maskerade (endast födelseår) för den som saknar "
                                + "särskild behörighet, och varje åtkomst loggas. Personnummer skickas alltid i anropets innehåll, "
                                + "aldrig i adressen. Fel ges som RFC 9457 problem details med svensk text."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                                .description("Identitetsleverantörens token när OIDC är påslaget, utfärdad till Omsorgsnav (aud). "
                                        + "Räknas som bekräftad inloggning för skyddade personer bara om auth_time ligger inom 15 minuter; "
                                        + "annars 403 Ny inloggning krävs.")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
