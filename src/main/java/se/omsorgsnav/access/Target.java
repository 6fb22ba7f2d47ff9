package se.omsorgsnav.access;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What an action is done to, as the facts a {@link Rule} decides on: ids and flags only, never a
 * name or a number, so that a target can be logged and audited without leaking anything. The
 * module that owns the thing builds it from its own data and asks the person module whether the
 * person is locked <em>now</em> (PROT-25: protection is decided when data is read), never from a
 * flag stored when the thing was written.
 *
 * @param personId    the person the action concerns (audited), if any
 * @param caseId      the case it concerns (audited; an authorisation opens this case, PROT-26), if any
 * @param unitId      the unit that holds the thing (the case's unit, the home of an apartment, a message group's unit)
 * @param caseOfficer the user responsible for the case, if any (the case relation)
 * @param locked      the person is protected or linked to a protected person today (PROT-3, PROT-5)
 * @param users       the users the thing names: a message's sender and recipients, a grant's holder and orderer
 * @param agreedMaker for a placement offer: who was agreed to make it (PLC-11), else null
 */
public record Target(UUID personId, UUID caseId, UUID unitId, UUID caseOfficer, boolean locked, Set<UUID> users, Role agreedMaker) {

    /** Nothing in particular: the rule is decided by the user alone (a page of one's own work). */
    public static final Target NONE = new Target(null, null, null, null, false, Set.of(), null);

    public Target {
        users = Set.copyOf(Objects.requireNonNullElse(users, Set.of()));
    }

    /** A person, not through a case: locked or not as the person module decides today. */
    public static Target person(UUID personId, boolean locked) {
        return new Target(personId, null, null, null, locked, Set.of(), null);
    }

    /** A case: its person, unit and officer, and whether its person is locked today. */
    public static Target ofCase(UUID caseId, UUID personId, UUID unitId, UUID caseOfficer, boolean locked) {
        return new Target(personId, caseId, unitId, caseOfficer, locked, Set.of(), null);
    }

    /** A case as access's own directory knows it. */
    public static Target ofCase(CaseDirectory.CaseFacts facts) {
        return new Target(facts.personId(), facts.caseId(), facts.unitId(), facts.caseOfficerId(), facts.locked(), Set.of(), null);
    }

    /** Something a unit holds that names no person (an apartment, a unit's message group). */
    public static Target unit(UUID unitId) {
        return new Target(null, null, unitId, null, false, Set.of(), null);
    }

    public Target withUnit(UUID unit) {
        return new Target(personId, caseId, unit, caseOfficer, locked, users, agreedMaker);
    }

    public Target withCaseOfficer(UUID officer) {
        return new Target(personId, caseId, unitId, officer, locked, users, agreedMaker);
    }

    public Target withUsers(Set<UUID> named) {
        return new Target(personId, caseId, unitId, caseOfficer, locked, named, agreedMaker);
    }

    public Target withAgreedMaker(Role maker) {
        return new Target(personId, caseId, unitId, caseOfficer, locked, users, maker);
    }

    public Target withLocked(boolean isLocked) {
        return new Target(personId, caseId, unitId, caseOfficer, isLocked, users, agreedMaker);
    }

    /** Does the audit event of an action on this target name personal data? */
    boolean personal() {
        return personId != null || caseId != null;
    }
}
