package se.omsorgsnav.access;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.omsorgsnav.audit.ReviewerClearance;

/**
 * Audit asks here which protected persons' accesses the reviewer may see in full: the rule is
 * {@link AuditLogAction#PROTECTED_ACCESSES}, decided for the whole list in one authorisation query.
 */
@Component
class AuditClearance implements ReviewerClearance {

    private final AccessControl access;

    AuditClearance(AccessControl access) {
        this.access = access;
    }

    @Override
    public Set<UUID> revealedAmong(Collection<UUID> lockedPersonIds) {
        List<UUID> persons = List.copyOf(new HashSet<>(lockedPersonIds));
        return Set.copyOf(access.filter(AuditLogAction.PROTECTED_ACCESSES, persons, id -> Target.person(id, true)));
    }
}
