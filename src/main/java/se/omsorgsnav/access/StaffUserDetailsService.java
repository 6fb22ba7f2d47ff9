package se.omsorgsnav.access;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads staff for form login and HTTP Basic, and for OIDC ({@link OidcStaff}). */
@Component
class StaffUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;
    private final LoginThrottle throttle;

    StaffUserDetailsService(JdbcClient jdbc, LoginThrottle throttle) {
        this.jdbc = jdbc;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        throttle.check(username);
        // The message is never shown; the login page says only that the login failed.
        return find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    /** The staff member with this user name, for any way of logging in. */
    java.util.Optional<StaffPrincipal> find(String username) {
        return jdbc.sql("""
                        select u.id, u.username, u.full_name, u.role, u.unit_id, u.grant_right, u.password_hash, u.enabled,
                               un.name as unit_name, un.administration
                        from app_user u join unit un on un.id = u.unit_id
                        where u.username = ?
                        """)
                .param(username)
                .query((rs, n) -> new StaffPrincipal(
                        new CurrentUser(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("full_name"),
                                Role.valueOf(rs.getString("role")), rs.getObject("unit_id", UUID.class), rs.getString("unit_name"),
                                rs.getString("administration"), rs.getBoolean("grant_right")),
                        rs.getString("password_hash"), rs.getBoolean("enabled")))
                .optional();
    }
}
