package se.omsorgsnav.web;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Production login through the organisation's identity provider, switched on by
 * {@code omsorgsnav.oidc.issuer-uri}. Without it (the demo and the default) the system logs in
 * with its own passwords only. Tokens must come from the issuer and be meant for this client (the
 * audience), so that a token the identity provider issued to another system does not open this one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${omsorgsnav.oidc.issuer-uri:}'.isBlank()")
class OidcConfiguration {

    static final String REGISTRATION = "organisation";

    @Bean
    ClientRegistrationRepository clientRegistrations(@Value("${omsorgsnav.oidc.issuer-uri}") String issuer,
                                                     @Value("${omsorgsnav.oidc.client-id}") String clientId,
                                                     @Value("${omsorgsnav.oidc.client-secret:}") String clientSecret) {
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(issuer)
                .registrationId(REGISTRATION)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .scope("openid")
                .clientName("Organisationens inloggning")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    @Bean
    JwtDecoder jwtDecoder(@Value("${omsorgsnav.oidc.issuer-uri}") String issuer,
                          @Value("${omsorgsnav.oidc.audience:${omsorgsnav.oidc.client-id}}") String audience) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), (Jwt jwt) -> {
            List<String> aud = jwt.getAudience();
            return aud != null && aud.contains(audience) ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "wrong audience", null));
        }));
        return decoder;
    }
}
