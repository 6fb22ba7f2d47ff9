package se.omsorgsnav.audit;

import java.util.UUID;

/** Who did it, in which role and unit, from which client address. */
public record AuditActor(UUID userId, String username, String role, UUID unitId, String clientAddress) {

    /** Work the system does on its own behalf (imports, seeding, scheduled jobs). */
    public static AuditActor system(String jobName) {
        return new AuditActor(null, "system:" + jobName, "SYSTEM", null, null);
    }
}
