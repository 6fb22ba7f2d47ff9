package se.omsorgsnav.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the log review needs to know about persons and cases, which audit must not read itself
 * (it depends on nothing but shared). Implemented by casework, which may ask person and access.
 */
public interface AuditReviewFacts {

    /** Of these persons, those who are locked: protected, or linked to a protected person. */
    Set<UUID> lockedAmong(Collection<UUID> personIds);

    /** Of these accesses, those where the user had a case relation to the person (AUD-4). */
    Set<Access> withCaseRelation(Collection<Access> accesses);

    /**
     * How each person is shown on the review: through the disclosure gate, so that a protected
     * person stays masked for a reviewer who holds no authorisation, and the showing is audited.
     */
    Map<UUID, String> describe(List<UUID> personIds, boolean export);

    /** A user (in the unit they acted for) reaching a person. */
    record Access(UUID userId, UUID unitId, UUID personId) {}
}
