package se.omsorgsnav.access;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A granted authorisation as managers and LVS see it (PROT-7, PROT-15). */
public record CaseAuthorizationView(UUID id, UUID caseId, UUID userId, String username, String fullName, Role role,
                                    String unitName, LocalDate validFrom, LocalDate validTo, AuthorizationStatus status,
                                    String grantedBy, OffsetDateTime grantedAt, OffsetDateTime revokedAt) {

    /** The holder's unit withheld: on a protected person's case it says where she is served (PROT-3). */
    public CaseAuthorizationView withoutUnit() {
        return new CaseAuthorizationView(id, caseId, userId, username, fullName, role, null, validFrom, validTo, status, grantedBy, grantedAt,
                revokedAt);
    }
}
