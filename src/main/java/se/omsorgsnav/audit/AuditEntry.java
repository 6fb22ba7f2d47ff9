package se.omsorgsnav.audit;

import java.util.Objects;
import java.util.UUID;

/**
 * One access to personal data: the person and/or case (by id only: never a name or number),
 * what was done, in which context, and how it ended.
 */
public record AuditEntry(UUID personId, UUID caseId, AuditAction action, String purpose, AuditOutcome outcome) {

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(outcome, "outcome");
    }
}
