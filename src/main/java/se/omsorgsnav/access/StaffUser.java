package se.omsorgsnav.access;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A user as the access workflow needs them: who, which role, whether they may log in. */
record StaffUser(UUID id, String username, Role role, boolean enabled, String fullName, String email) {

    static Optional<StaffUser> find(JdbcClient jdbc, String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select id, username, role, enabled, full_name, email from app_user where username = ?").param(username.strip())
                .query((rs, n) -> new StaffUser(rs.getObject(1, UUID.class), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getBoolean(4),
                        rs.getString(5), rs.getString(6)))
                .optional()
                .filter(StaffUser::enabled);
    }
}
