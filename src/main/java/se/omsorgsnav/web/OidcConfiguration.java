package se.omsorgsnav.web;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.util.function.SingletonSupplier;

/**
 * Production login through the organisation's identity provider, switched on by
 * {@code omsorgsnav.oidc.issuer-uri}. Without it (the demo and the default) the system logs in
 * with its own passwords only. Tokens must come from the issuer and be meant for this client (the
 * audience), so that a token the identity provider issued to another system does not open this one.
 * The provider's metadata is fetched on first use, not at start: a node restarted while the
 * identity provider is unreachable still starts, and password login still works.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${omsorgsnav.oidc.issuer-uri:}'.isBlank()")
class OidcConfiguration {

    static final String REGISTRATION = "organisation";

    @Bean
    ClientRegistrationRepository clientRegistrations(@Value("${omsorgsnav.oidc.issuer-uri}") String issuer,
                                                     @Value("${omsorgsnav.oidc.client-id}") String clientId,
                                                     @Value("${omsorgsnav.oidc.client-secret:}") String clientSecret) {
        // A failed fetch is not remembered, so the next login attempt asks the provider again.
        Supplier<ClientRegistration> registration = SingletonSupplier.of(() -> ClientRegistrations.fromIssuerLocation(issuer)
                .registrationId(REGISTRATION)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .scope("openid")
                .clientName("Organisationens inloggning")
                .build());
        return id -> REGISTRATION.equals(id) ? registration.get() : null;
    }

    @Bean
    JwtDecoder jwtDecoder(@Value("${omsorgsnav.oidc.issuer-uri}") String issuer,
                          @Value("${omsorgsnav.oidc.client-id}") String clientId,
                          @Value("${omsorgsnav.oidc.audience:}") String audience) {
        String expected = audience.isBlank() ? clientId : audience;
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), (Jwt jwt) -> {
                List<String> aud = jwt.getAudience();
                return aud != null && aud.contains(expected) ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "wrong audience", null));
            }));
            return decoder;
        });
    }

    @Bean
    LaxSessionCookie laxSessionCookie() {
        return new LaxSessionCookie();
    }

    /**
     * The session cookie becomes SameSite=Lax instead of Strict: the identity provider sends the
     * browser back with a cross-site navigation, and a Strict cookie would not come along, so the
     * login could never be completed. Lax still keeps the cookie off cross-site POSTs and
     * sub-requests, and every POST carries a CSRF token besides. Ordered after Boot's customizer,
     * which sets the cookie from {@code server.servlet.session.cookie.*}.
     */
    static final class LaxSessionCookie implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableServletWebServerFactory factory) {
            factory.getSettings().getSession().getCookie().setSameSite(Cookie.SameSite.LAX);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
