package se.omsorgsnav.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.Components;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    /** Names HTTP Basic only where the API takes it (the demo, bench and test profiles). */
    @Bean
    OpenAPI omsorgsnavApi(@Value("${omsorgsnav.api.basic-auth:false}") boolean basicAuth) {
        OpenAPI api = new OpenAPI()
                .info(new Info().title("Omsorgsnav API").version("v1")
                        .description("Ärenden och personer inom äldreomsorgen. Personuppgifter lämnas bara ut genom "
                                + "behörighetskontrollen: skyddade personer visas maskerade (endast födelseår) för den som saknar "
                                + "särskild behörighet, och varje åtkomst loggas. Personnummer skickas alltid i anropets innehåll, "
                                + "aldrig i adressen. Fel ges som RFC 9457 problem details med svensk text."))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                                .description("Identitetsleverantörens token när OIDC är påslaget, utfärdad till Omsorgsnav (aud). "
                                        + "Räknas som bekräftad inloggning för skyddade personer bara om auth_time ligger inom 15 minuter; "
                                        + "annars 403 Ny inloggning krävs.")));
        if (basicAuth) {
            api.getComponents().addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"));
            api.addSecurityItem(new SecurityRequirement().addList("basic"));
        }
        return api.addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
