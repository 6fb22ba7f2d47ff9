package se.omsorgsnav.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import se.omsorgsnav.access.OidcStaff;
import se.omsorgsnav.access.StaffSessions;
import se.omsorgsnav.shared.DatabaseUnreachable;

/**
 * Two doors: the JSON API with no session (so no cookie can ride on it and CSRF does not apply),
 * and the browser with form login, CSRF tokens, a new session id at login and strict headers. With
 * {@code omsorgsnav.oidc.issuer-uri} set, the browser also logs in through the identity provider
 * and the API takes its bearer tokens ({@link OidcConfiguration}). HTTP Basic on the API only with
 * {@code omsorgsnav.api.basic-auth} (the demo, bench and test profiles): a browser that has answered
 * a Basic challenge would send the password along with any request a foreign page makes it send.
 * Both doors only require a login: who may do what is the access catalogue's
 * ({@code AccessControl}). The OpenAPI document, too, is for logged-in users only.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'self'";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder, OidcStaff oidc,
                            @Value("${omsorgsnav.api.basic-auth:false}") boolean basicAuth) throws Exception {
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        AuthenticationEntryPoint unauthenticated = loginRequired(basicAuth, decoder != null);
        if (decoder != null) {
            // With OIDC configured the API also takes the identity provider's bearer tokens (see OidcStaff).
            http.oauth2ResourceServer(rs -> rs
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(oidc::bearer))
                    .authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler((request, response, denied) -> writeProblem(response, HttpServletResponse.SC_FORBIDDEN, "Behörighet saknas")));
        }
        http.securityMatcher("/api/**")
                // Who may do what is the access catalogue's (AccessControl); the door only requires a login.
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((request, response, denied) -> writeProblem(response, HttpServletResponse.SC_FORBIDDEN, "Behörighet saknas")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        if (basicAuth) {
            // Fault 15: a browser that once answered a Basic challenge sends the password with every
            // request another site makes it send, so Basic is only for the demo, the bench and tests.
            http.httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain browser(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> registrations, OidcStaff oidc,
                                StaffSessions sessions) throws Exception {
        // Before anything is decided on the session's login: the staff register as it is now (fault 13).
        http.addFilterBefore(new SessionRevalidation(sessions), AnonymousAuthenticationFilter.class);
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        if (repository != null) {
            OidcUserService idTokens = new OidcUserService();
            http.oauth2Login(login -> login
                    .loginPage("/login")
                    .clientRegistrationRepository(repository)
                    .userInfoEndpoint(u -> u.oidcUserService(request -> oidc.browser(idTokens.loadUser(request))))
                    .defaultSuccessUrl("/", true)
                    .failureUrl("/login?fel"));
        }
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).failureHandler(loginFailed()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?utloggad"))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(htmxAware(new LoginUrlAuthenticationEntryPoint("/login")))
                        .accessDeniedPage("/behorighet-saknas"))
                .sessionManagement(s -> s.sessionFixation(f -> f.newSession()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()"))
                        .cacheControl(c -> {}));
        return http.build();
    }

    /**
     * Before the security chain, so that it sees what the chain's own filters throw (the session's
     * re-check, a bearer token's staff lookup): a database that does not answer is a 503 there too.
     */
    @Bean
    FilterRegistrationBean<DatabaseOutageAnswer> databaseOutageAnswer() {
        FilterRegistrationBean<DatabaseOutageAnswer> registration = new FilterRegistrationBean<>(new DatabaseOutageAnswer());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** Before the security chain too: its CSRF check reads the browser's multipart form (UploadRoom). */
    @Bean
    FilterRegistrationBean<UploadRoom> uploadRoom(@Value("${spring.servlet.multipart.location:}") String location) {
        FilterRegistrationBean<UploadRoom> registration = new FilterRegistrationBean<>(new UploadRoom(location));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    /** A wrong password (or a refused one) back to the login page; a database that does not answer, 503. */
    private static AuthenticationFailureHandler loginFailed() {
        AuthenticationFailureHandler back = new SimpleUrlAuthenticationFailureHandler("/login?fel");
        return (request, response, exception) -> {
            if (DatabaseUnreachable.explains(exception)) {
                DatabaseOutageAnswer.write(request, response, exception);
            } else {
                back.onAuthenticationFailure(request, response, exception);
            }
        };
    }

    /** An expired session answers htmx with HX-Refresh, so a login page is never swapped into a table row. */
    private static AuthenticationEntryPoint htmxAware(AuthenticationEntryPoint pages) {
        return (request, response, exception) -> {
            if ("true".equals(request.getHeader("HX-Request"))) {
                response.setHeader("HX-Refresh", "true");
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                pages.commence(request, response, exception);
            }
        };
    }

    /** A 401 names every scheme the API takes, so a client learns it may also send a bearer token. */
    private static AuthenticationEntryPoint loginRequired(boolean basic, boolean bearer) {
        return (request, response, exception) -> {
            if (DatabaseUnreachable.explains(exception)) {
                // The password could not be checked: not a missing login.
                DatabaseOutageAnswer.write(request, response, exception);
                return;
            }
            if (basic) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Omsorgsnav\"");
            }
            if (bearer) {
                response.addHeader("WWW-Authenticate", "Bearer realm=\"Omsorgsnav\"");
            }
            writeProblem(response, HttpServletResponse.SC_UNAUTHORIZED, "Inloggning krävs");
        };
    }

    static void writeProblem(HttpServletResponse response, int status, String title) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + title + "\"}");
    }
}
