package se.omsorgsnav.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Staff who log in through the organisation's identity provider (OIDC) or call the API with its
 * bearer tokens. The identity provider says who someone is; our staff register says what they
 * may do. So the user-name claim must name an enabled member of staff, and the role claim must
 * include the role that member has here: a token that names someone unknown, or a role we did not
 * give them, logs in nobody (fail closed), and extra roles in the claim grant nothing.
 */
@Component
public class OidcStaff {

    private final StaffUserDetailsService staff;
    private final String usernameClaim;
    private final String roleClaim;
    private final Clock clock;

    OidcStaff(StaffUserDetailsService staff, Clock clock,
              @Value("${omsorgsnav.oidc.username-claim:preferred_username}") String usernameClaim,
              @Value("${omsorgsnav.oidc.role-claim:roles}") String roleClaim) {
        this.staff = staff;
        this.clock = clock;
        this.usernameClaim = usernameClaim;
        this.roleClaim = roleClaim;
    }

    /**
     * A bearer token on the API, as one of our staff; refused (401) otherwise. Not a bad-credentials
     * failure: that is the wrong-password signal {@link LoginThrottle} counts per user name.
     */
    public AbstractAuthenticationToken bearer(Jwt jwt) {
        StaffPrincipal principal = resolve(jwt.getClaims()).orElseThrow(() -> new InvalidBearerTokenException("not staff"));
        return new BearerStaff(principal, jwt);
    }

    /** A browser login through the identity provider, as one of our staff; refused otherwise. */
    public OidcUser browser(OidcUser user) {
        StaffPrincipal principal = resolve(user.getClaims())
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("not_staff")));
        return new OidcStaffUser(principal, user);
    }

    private Optional<StaffPrincipal> resolve(Map<String, Object> claims) {
        Object username = claims.get(usernameClaim);
        if (!(username instanceof String name) || name.isBlank()) {
            return Optional.empty();
        }
        Set<String> roles = rolesIn(claims.get(roleClaim));
        return staff.find(name.strip())
                .filter(StaffPrincipal::isEnabled)
                .filter(p -> roles.contains(p.user().role().name()));
    }

    private static Set<String> rolesIn(Object claim) {
        Collection<?> values = claim instanceof Collection<?> c ? c : claim instanceof String s ? List.of(s.split("[ ,]+")) : List.of();
        return values.stream().map(String::valueOf).map(v -> v.strip().toUpperCase(Locale.ROOT)).map(v -> v.startsWith("ROLE_") ? v.substring(5) : v)
                .collect(Collectors.toSet());
    }

    /**
     * Step-up for a bearer token (PROT-10): the token carries no password, so it counts only if the
     * user authenticated at the identity provider within the step-up window ({@code auth_time}).
     */
    boolean recentlyAuthenticated(Object authentication, Duration validity) {
        if (!(authentication instanceof BearerStaff bearer)) {
            return false;
        }
        Instant authTime = bearer.jwt.getClaimAsInstant("auth_time");
        Instant now = clock.instant();
        // A login more than a minute in the future is a wrong clock somewhere; it proves nothing.
        return authTime != null && !authTime.plus(validity).isBefore(now) && !authTime.isAfter(now.plusSeconds(60));
    }

    static boolean isBearer(Object authentication) {
        return authentication instanceof BearerStaff;
    }

    /** An API call with a bearer token, by one of our staff. */
    private static final class BearerStaff extends AbstractAuthenticationToken {

        private final StaffPrincipal principal;
        private final transient Jwt jwt;

        BearerStaff(StaffPrincipal principal, Jwt jwt) {
            super(principal.getAuthorities());
            this.principal = principal;
            this.jwt = jwt;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return jwt;
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }

        @Override
        public String getName() {
            return principal.getUsername();
        }
    }

    /** A browser session through the identity provider, by one of our staff, with only our role. */
    private static final class OidcStaffUser extends DefaultOidcUser implements StaffIdentity {

        private final CurrentUser user;

        OidcStaffUser(StaffPrincipal principal, OidcUser oidc) {
            super(List.<GrantedAuthority>copyOf(principal.getAuthorities()), oidc.getIdToken(), oidc.getUserInfo());
            this.user = principal.user();
        }

        @Override
        public CurrentUser user() {
            return user;
        }

        @Override
        public String getName() {
            return user.username();
        }
    }
}
