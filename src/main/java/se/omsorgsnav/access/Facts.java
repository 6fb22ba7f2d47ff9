package se.omsorgsnav.access;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the rules of one decision need to know of the user, looked up once and kept for the
 * decision: which of the targets' cases and persons the user holds a valid authorisation for
 * (one query for a whole list, {@link #preload}), and whether the PIN was confirmed.
 */
final class Facts {

    private final CurrentUser user;
    private final CaseAuthorizations authorizations;
    private final StepUp stepUp;
    private final Map<UUID, Boolean> cases = new HashMap<>();
    private final Map<UUID, Boolean> persons = new HashMap<>();
    private Boolean confirmed;

    Facts(CurrentUser user, CaseAuthorizations authorizations, StepUp stepUp) {
        this.user = user;
        this.authorizations = authorizations;
        this.stepUp = stepUp;
    }

    CurrentUser user() {
        return user;
    }

    /** Looks up the authorisations for all these targets in one query per kind. */
    void preload(Collection<Target> targets) {
        Set<UUID> caseIds = new HashSet<>();
        Set<UUID> personIds = new HashSet<>();
        for (Target t : targets) {
            if (t.caseId() != null) {
                caseIds.add(t.caseId());
            } else if (t.personId() != null) {
                personIds.add(t.personId());
            }
        }
        caseIds.removeAll(cases.keySet());
        personIds.removeAll(persons.keySet());
        if (!caseIds.isEmpty()) {
            Set<UUID> held = authorizations.authorisedCasesAmong(user, caseIds);
            caseIds.forEach(id -> cases.put(id, held.contains(id)));
        }
        if (!personIds.isEmpty()) {
            Set<UUID> held = authorizations.authorisedPersons(user, personIds);
            personIds.forEach(id -> persons.put(id, held.contains(id)));
        }
    }

    boolean authorisedForCase(UUID caseId) {
        return cases.computeIfAbsent(caseId, id -> authorizations.authorisedCasesAmong(user, Set.of(id)).contains(id));
    }

    boolean authorisedForPerson(UUID personId) {
        return persons.computeIfAbsent(personId, id -> authorizations.authorisedPersons(user, Set.of(id)).contains(id));
    }

    boolean confirmed() {
        if (confirmed == null) {
            confirmed = stepUp.satisfied();
        }
        return confirmed;
    }
}
