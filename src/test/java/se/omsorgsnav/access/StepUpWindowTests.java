package se.omsorgsnav.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Whether the PIN counts as confirmed on this request, decided without a database. */
class StepUpWindowTests {

    private static final Instant NOW = Instant.parse("2026-11-18T09:00:00Z");
    private static final Duration VALIDITY = Duration.ofMinutes(15);

    private final OidcStaff oidc = mock(OidcStaff.class);
    private final StepUp stepUp = new StepUp(null, null, null, null, Clock.fixed(NOW, ZoneOffset.UTC), oidc, null, null, VALIDITY);

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
        SecurityContextHolder.clearContext();
    }

    private MockHttpServletRequest request(String contextPath, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setContextPath(contextPath);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        return request;
    }

    @Test
    @DisplayName("without a request nothing is confirmed")
    void noRequestNoConfirmation() {
        assertThat(stepUp.satisfied()).isFalse();
    }

    @Test
    @DisplayName("on a page, the PIN confirmed in this session counts for the configured time, to its last instant, and no longer")
    void sessionConfirmationWindow() {
        MockHttpServletRequest request = request("", "/persons/x");
        assertThat(stepUp.satisfied()).as("no session").isFalse();
        request.getSession(true).setAttribute(StepUp.SESSION_ATTRIBUTE, NOW.minus(VALIDITY));
        assertThat(stepUp.satisfied()).isTrue();
        request.getSession().setAttribute(StepUp.SESSION_ATTRIBUTE, NOW.minus(VALIDITY).minusMillis(1));
        assertThat(stepUp.satisfied()).isFalse();
        request.getSession().setAttribute(StepUp.SESSION_ATTRIBUTE, NOW.toString());
        assertThat(stepUp.satisfied()).as("not an instant").isFalse();
        request.getSession().removeAttribute(StepUp.SESSION_ATTRIBUTE);
        assertThat(stepUp.satisfied()).isFalse();
    }

    @Test
    @DisplayName("on the API, HTTP Basic carried the password on this request; a bearer token counts only with a recent login")
    void apiConfirmation() {
        request("/omsorg", "/omsorg/api/persons");
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("basic", "x"));
        assertThat(stepUp.satisfied()).isTrue();
        request("", "/persons/api/x");
        assertThat(stepUp.satisfied()).as("not under the API path").isFalse();
        request("", "/api/persons");
        assertThat(stepUp.satisfied()).isTrue();

        StaffUserDetailsService register = mock(StaffUserDetailsService.class);
        CurrentUser user = new CurrentUser(java.util.UUID.randomUUID(), "u", "U", Role.CASE_OFFICER, null, null, null, false);
        when(register.find("u")).thenReturn(java.util.Optional.of(new StaffPrincipal(user, "{noop}x", true)));
        var bearer = new OidcStaff(register, Clock.fixed(NOW, ZoneOffset.UTC), "preferred_username", "roles")
                .bearer(org.springframework.security.oauth2.jwt.Jwt.withTokenValue("t").header("alg", "none")
                        .claim("preferred_username", "u").claim("roles", "CASE_OFFICER").build());
        SecurityContextHolder.getContext().setAuthentication(bearer);
        when(oidc.recentlyAuthenticated(any(), eq(VALIDITY))).thenReturn(false);
        assertThat(stepUp.satisfied()).isFalse();
        when(oidc.recentlyAuthenticated(bearer, VALIDITY)).thenReturn(true);
        assertThat(stepUp.satisfied()).isTrue();
    }
}
