package se.omsorgsnav.access;

import java.util.UUID;
import se.omsorgsnav.audit.AuditActor;

/** The logged-in user as the rest of the system sees them. Holds no password. */
public record CurrentUser(UUID id, String username, String fullName, Role role, UUID unitId, String unitName,
                          String administration, boolean grantRight) {

    public AuditActor auditActor(String clientAddress) {
        return new AuditActor(id, username, role.name(), unitId, clientAddress);
    }

    public boolean is(Role other) {
        return role == other;
    }
}
