package se.omsorgsnav.audit;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Of the protected persons in a search or review, those whose accesses the current reviewer may
 * see in full: who handled them, in which unit, for what purpose (PROT-3, fault 6). Decided by the
 * access catalogue, which implements this; audit depends on nothing but shared and asks here.
 * Fails closed: no user, nobody revealed.
 */
public interface ReviewerClearance {

    Set<UUID> revealedAmong(Collection<UUID> lockedPersonIds);
}
