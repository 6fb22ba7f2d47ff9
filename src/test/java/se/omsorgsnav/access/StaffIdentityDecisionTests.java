package se.omsorgsnav.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import se.omsorgsnav.audit.AuditActor;
import se.omsorgsnav.shared.InvalidInputException;

/**
 * Who someone is, decided without a database: the identity provider's claims against our staff
 * register, a session against today's register, the logged-in user of a request, and the value
 * types the rules decide on (authorisation periods, targets).
 */
class StaffIdentityDecisionTests {

    private static final Instant NOW = Instant.parse("2026-11-18T09:00:00Z");
    private static final UUID UNIT = UUID.randomUUID();

    private final StaffUserDetailsService register = mock(StaffUserDetailsService.class);
    private final OidcStaff oidc = new OidcStaff(register, Clock.fixed(NOW, ZoneOffset.UTC), "preferred_username", "roles");

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    private static CurrentUser user(String username, Role role) {
        return new CurrentUser(UUID.randomUUID(), username, "Full Name", role, UNIT, "Enhet", "Äldreomsorg", false);
    }

    private StaffPrincipal staff(String username, Role role, boolean enabled) {
        StaffPrincipal principal = new StaffPrincipal(user(username, role), "{noop}x", enabled);
        when(register.find(username)).thenReturn(Optional.of(principal));
        return principal;
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "none");
        claims.forEach(builder::claim);
        return builder.build();
    }

    @Test
    @DisplayName("a bearer token logs in the member of staff it names when its roles include the role we gave them")
    void bearerForKnownStaffWithTheirRole() {
        StaffPrincipal principal = staff("handlaggare", Role.CASE_OFFICER, true);
        var token = oidc.bearer(jwt(Map.of("preferred_username", " handlaggare ", "roles", List.of("role_case_officer", "OTHER"))));
        assertThat(token.isAuthenticated()).isTrue();
        assertThat(token.getPrincipal()).isSameAs(principal);
        assertThat(token.getName()).isEqualTo("handlaggare");
        assertThat(token.getCredentials()).isInstanceOf(Jwt.class);
        assertThat(token.getAuthorities()).extracting(a -> a.getAuthority()).containsExactly("ROLE_CASE_OFFICER");
        assertThat(OidcStaff.isBearer(token)).isTrue();
        assertThat(OidcStaff.isBearer(new TestingAuthenticationToken("x", "y"))).isFalse();
    }

    @Test
    @DisplayName("roles may come as one string separated by spaces or commas")
    void rolesAsOneString() {
        staff("lvs", Role.SYSTEM_SUPPORT, true);
        assertThat(oidc.bearer(jwt(Map.of("preferred_username", "lvs", "roles", "UNIT_MANAGER, SYSTEM_SUPPORT"))).getName()).isEqualTo("lvs");
        assertThat(oidc.bearer(jwt(Map.of("preferred_username", "lvs", "roles", "ROLE_SYSTEM_SUPPORT"))).getName()).isEqualTo("lvs");
    }

    @Test
    @DisplayName("a token that names nobody, someone unknown or disabled, or a role we did not give, logs in nobody")
    void bearerFailsClosed() {
        staff("handlaggare", Role.CASE_OFFICER, true);
        staff("avstangd", Role.CASE_OFFICER, false);
        when(register.find("okand")).thenReturn(Optional.empty());
        assertThatThrownBy(() -> oidc.bearer(jwt(Map.of("sub", "x")))).isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> oidc.bearer(jwt(Map.of("preferred_username", "  ", "roles", "CASE_OFFICER"))))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> oidc.bearer(jwt(Map.of("preferred_username", 42, "roles", "CASE_OFFICER"))))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> oidc.bearer(jwt(Map.of("preferred_username", "okand", "roles", "CASE_OFFICER"))))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> oidc.bearer(jwt(Map.of("preferred_username", "avstangd", "roles", "CASE_OFFICER"))))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> oidc.bearer(jwt(Map.of("preferred_username", "handlaggare", "roles", "SYSTEM_SUPPORT"))))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> oidc.bearer(jwt(Map.of("preferred_username", "handlaggare", "roles", 7))))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> oidc.bearer(jwt(Map.of("preferred_username", "handlaggare"))))
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    @DisplayName("a browser login through the identity provider carries our user and only our role; a stranger is refused")
    void browserLogin() {
        StaffPrincipal principal = staff("enhetschef", Role.UNIT_MANAGER, true);
        OidcIdToken idToken = new OidcIdToken("t", NOW, NOW.plusSeconds(60),
                Map.of("sub", "s", "preferred_username", "enhetschef", "roles", List.of("UNIT_MANAGER", "SYSTEM_SUPPORT")));
        OidcUser logged = oidc.browser(new DefaultOidcUser(List.of(new SimpleGrantedAuthority("OIDC_USER")), idToken));
        assertThat(logged).isInstanceOf(StaffIdentity.class);
        assertThat(((StaffIdentity) logged).user()).isEqualTo(principal.user());
        assertThat(logged.getName()).isEqualTo("enhetschef");
        assertThat(logged.getAuthorities()).extracting(a -> a.getAuthority()).containsExactly("ROLE_UNIT_MANAGER");
        OidcIdToken stranger = new OidcIdToken("t", NOW, NOW.plusSeconds(60), Map.of("sub", "s", "preferred_username", "x", "roles", "UNIT_MANAGER"));
        when(register.find("x")).thenReturn(Optional.empty());
        assertThatThrownBy(() -> oidc.browser(new DefaultOidcUser(List.of(new SimpleGrantedAuthority("OIDC_USER")), stranger))).isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    @DisplayName("a bearer token counts as confirmed only if the login at the identity provider lies within the window, not in the future")
    void bearerStepUpWindow() {
        staff("handlaggare", Role.CASE_OFFICER, true);
        Duration window = Duration.ofMinutes(15);
        java.util.function.Function<Instant, Object> token = authTime -> oidc.bearer(jwt(authTime == null
                ? Map.of("preferred_username", "handlaggare", "roles", "CASE_OFFICER")
                : Map.of("preferred_username", "handlaggare", "roles", "CASE_OFFICER", "auth_time", authTime)));
        assertThat(oidc.recentlyAuthenticated(token.apply(NOW.minus(window)), window)).as("at the edge").isTrue();
        assertThat(oidc.recentlyAuthenticated(token.apply(NOW.minus(window).minusSeconds(1)), window)).isFalse();
        assertThat(oidc.recentlyAuthenticated(token.apply(NOW.plusSeconds(60)), window)).as("a minute ahead").isTrue();
        assertThat(oidc.recentlyAuthenticated(token.apply(NOW.plusSeconds(61)), window)).isFalse();
        assertThat(oidc.recentlyAuthenticated(token.apply(null), window)).isFalse();
        assertThat(oidc.recentlyAuthenticated(new TestingAuthenticationToken("x", "y"), window)).isFalse();
    }

    @Test
    @DisplayName("a session stays valid while the register says what it says; gone, disabled or changed ends it; strangers are not ours to judge")
    void sessionAgainstTodaysRegister() {
        StaffSessions sessions = new StaffSessions(register);
        StaffPrincipal principal = staff("handlaggare", Role.CASE_OFFICER, true);
        var session = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        assertThat(sessions.stillValid(session)).isTrue();
        when(register.find("handlaggare")).thenReturn(Optional.of(new StaffPrincipal(principal.user(), "{noop}x", false)));
        assertThat(sessions.stillValid(session)).isFalse();
        CurrentUser promoted = new CurrentUser(principal.user().id(), "handlaggare", "Full Name", Role.UNIT_MANAGER, UNIT, "Enhet", "Äldreomsorg", false);
        when(register.find("handlaggare")).thenReturn(Optional.of(new StaffPrincipal(promoted, "{noop}x", true)));
        assertThat(sessions.stillValid(session)).isFalse();
        when(register.find("handlaggare")).thenReturn(Optional.empty());
        assertThat(sessions.stillValid(session)).isFalse();
        assertThat(sessions.stillValid(null)).isTrue();
        assertThat(sessions.stillValid(new TestingAuthenticationToken("someone", "x"))).isTrue();
    }

    @Test
    @DisplayName("the user details for a login are the register's, after the throttle is asked; an unknown name is not found")
    void userDetailsAskTheThrottleFirst() {
        LoginThrottle throttle = mock(LoginThrottle.class);
        StaffUserDetailsService service = mock(StaffUserDetailsService.class);
        // the real method over a stubbed lookup: the throttle is asked before the register answers
        StaffUserDetailsService real = new StaffUserDetailsService(null, throttle) {
            @Override
            Optional<StaffPrincipal> find(String username) {
                return service.find(username);
            }
        };
        StaffPrincipal principal = new StaffPrincipal(user("handlaggare", Role.CASE_OFFICER), "{noop}x", true);
        when(service.find("handlaggare")).thenReturn(Optional.of(principal));
        when(service.find("okand")).thenReturn(Optional.empty());
        assertThat(real.loadUserByUsername("handlaggare")).isSameAs(principal);
        verify(throttle).check("handlaggare");
        assertThatThrownBy(() -> real.loadUserByUsername("okand")).isInstanceOf(UsernameNotFoundException.class);
        verify(throttle).check("okand");
        assertThat(principal.getUsername()).isEqualTo("handlaggare");
        assertThat(principal.getPassword()).isEqualTo("{noop}x");
        assertThat(principal.isEnabled()).isTrue();
    }

    @Test
    @DisplayName("the logged-in user of a request, with the client address; nobody logged in is refused, not guessed")
    void currentUserOfTheRequest() {
        CurrentUsers users = new CurrentUsers();
        assertThat(users.find()).isEmpty();
        assertThatThrownBy(users::current).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(users::actor).isInstanceOf(AccessDenied.class);
        assertThat(CurrentUsers.clientAddress()).isNull();

        StaffPrincipal principal = new StaffPrincipal(user("handlaggare", Role.CASE_OFFICER), "{noop}x", true);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("192.0.2.7");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        assertThat(users.current()).isEqualTo(principal.user());
        CurrentUser me = principal.user();
        assertThat(users.actor()).isEqualTo(new AuditActor(me.id(), "handlaggare", "CASE_OFFICER", UNIT, "192.0.2.7"));
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("not staff", "x"));
        assertThat(users.find()).isEmpty();
    }

    @Test
    @DisplayName("an authorisation period starts today or later, ends after it starts, lasts under a year, under three months for lokalt skydd")
    void authorisationPeriod() {
        LocalDate today = LocalDate.of(2026, 11, 18);
        assertThat(AuthorizationPeriod.of(today, today, today, false)).isEqualTo(new AuthorizationPeriod(today, today));
        assertThat(AuthorizationPeriod.of(today, today.plusYears(1).minusDays(1), today, false).validTo()).isEqualTo(LocalDate.of(2027, 11, 17));
        assertThat(AuthorizationPeriod.of(today, today.plusMonths(3).minusDays(1), today, true).validTo()).isEqualTo(LocalDate.of(2027, 2, 17));
        assertThatThrownBy(() -> AuthorizationPeriod.of(null, today, today, false)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> AuthorizationPeriod.of(today, null, today, false)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> AuthorizationPeriod.of(today.minusDays(1), today, today, false)).hasMessageContaining("före i dag");
        assertThatThrownBy(() -> AuthorizationPeriod.of(today.plusDays(2), today.plusDays(1), today, false)).hasMessageContaining("innan den börjar");
        assertThatThrownBy(() -> AuthorizationPeriod.of(today, today.plusYears(1), today, false)).hasMessageContaining("ett år");
        assertThatThrownBy(() -> AuthorizationPeriod.of(today, today.plusMonths(3), today, true)).hasMessageContaining("tre månader");
        AuthorizationPeriod period = new AuthorizationPeriod(today, today.plusDays(2));
        assertThat(period.covers(today)).isTrue();
        assertThat(period.covers(today.plusDays(2))).isTrue();
        assertThat(period.covers(today.minusDays(1))).isFalse();
        assertThat(period.covers(today.plusDays(3))).isFalse();
    }

    @Test
    @DisplayName("a target's withers change one fact each and keep the rest; it names personal data when it has a person or a case")
    void targetFacts() {
        UUID person = UUID.randomUUID();
        UUID kase = UUID.randomUUID();
        UUID officer = UUID.randomUUID();
        UUID named = UUID.randomUUID();
        Target target = Target.ofCase(kase, person, UNIT, null, false)
                .withCaseOfficer(officer).withUsers(Set.of(named)).withAgreedMaker(Role.PLACEMENT_COORDINATOR).withLocked(true);
        assertThat(target).isEqualTo(new Target(person, kase, UNIT, officer, true, Set.of(named), Role.PLACEMENT_COORDINATOR));
        UUID other = UUID.randomUUID();
        assertThat(target.withUnit(other)).isEqualTo(new Target(person, kase, other, officer, true, Set.of(named), Role.PLACEMENT_COORDINATOR));
        assertThat(new Target(null, null, null, null, false, null, null).users()).isEmpty();
        assertThat(Target.NONE.personal()).isFalse();
        assertThat(Target.unit(UNIT).personal()).isFalse();
        assertThat(Target.person(person, false).personal()).isTrue();
        assertThat(Target.ofCase(kase, null, null, null, false).personal()).isTrue();
        var facts = new CaseDirectory.CaseFacts(kase, null, person, true, false, UNIT, "Enhet", true, true, officer);
        assertThat(Target.ofCase(facts)).isEqualTo(new Target(person, kase, UNIT, officer, true, Set.of(), null));
    }

    @Test
    @DisplayName("a user is of one role; the audit records who, role, unit and address")
    void currentUserFacts() {
        CurrentUser me = user("u", Role.FEE_OFFICER);
        assertThat(me.is(Role.FEE_OFFICER)).isTrue();
        assertThat(me.is(Role.CASE_OFFICER)).isFalse();
        assertThat(me.auditActor("::1")).isEqualTo(new AuditActor(me.id(), "u", "FEE_OFFICER", UNIT, "::1"));
        assertThat(Role.SYSTEM_SUPPORT.authority()).isEqualTo("ROLE_SYSTEM_SUPPORT");
        assertThat(Role.TITLES).containsEntry("UNIT_MANAGER", "Enhetschef").hasSize(Role.values().length);
    }

    @Test
    @DisplayName("the password encoder remembers verified passwords only when a window is configured")
    void passwordEncoderWindow() {
        PasswordConfiguration configuration = new PasswordConfiguration();
        assertThat(configuration.passwordEncoder(Duration.ZERO)).isNotInstanceOf(RecentlyVerifiedPasswords.class);
        var remembering = configuration.passwordEncoder(Duration.ofSeconds(60));
        assertThat(remembering).isInstanceOf(RecentlyVerifiedPasswords.class);
        String hash = remembering.encode("Omsorg2026!");
        assertThat(remembering.matches("Omsorg2026!", hash)).isTrue();
        assertThat(remembering.matches("fel", hash)).isFalse();
        assertThat(remembering.upgradeEncoding(hash)).isFalse();
    }

    @Test
    @DisplayName("each role has its own Swedish title, the one pages and exports show for its stored name")
    void rolesHaveTheirSwedishTitles() {
        assertThat(Role.CASE_OFFICER.title()).isEqualTo("Biståndshandläggare");
        assertThat(Role.ALARM_OPERATOR.title()).isEqualTo("Larmoperatör");
        assertThat(Role.SOCIAL_SAFETY_COORDINATOR.title()).isEqualTo("Socialt ansvarig samordnare (SAS)");
        assertThat(java.util.Arrays.stream(Role.values()).map(Role::title)).doesNotContain("").doesNotHaveDuplicates();
        assertThat(Role.TITLES).hasSize(Role.values().length).containsEntry("FEE_OFFICER", "Avgiftshandläggare");
        assertThat(Role.UNIT_MANAGER.authority()).isEqualTo("ROLE_UNIT_MANAGER");
    }
}
