package se.omsorgsnav.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.omsorgsnav.shared.CaseNumber;

/**
 * What access needs to know about cases, asked of the casework module (which implements it):
 * access protects casework and must not depend on it. Carries ids and flags, never a person's
 * identity.
 */
public interface CaseDirectory {

    Optional<CaseFacts> find(CaseNumber number);

    Optional<CaseFacts> find(UUID caseId);

    /** The facts of many cases at once, for a list: a constant number of queries, whatever its length. Unknown ids are left out. */
    java.util.Map<UUID, CaseFacts> findAll(java.util.Collection<UUID> caseIds);

    /** Those of the given cases that are closed: LVS must remove their authorisations (PROT-15). One query. */
    List<CaseFacts> closedAmong(java.util.Collection<UUID> caseIds);

    /** What LVS must check before granting (PROT-7), as the current user may see it. */
    PreCheck preCheck(CaseFacts facts);

    /**
     * @param protectedPerson the person has a protection level of her own today
     * @param locked          the person is protected or linked to a protected person today (PROT-5): what the rules decide on
     * @param caseOfficerId   the case's responsible officer (the case relation)
     */
    record CaseFacts(UUID caseId, CaseNumber number, UUID personId, boolean protectedPerson, boolean localProtection,
                     UUID unitId, String unitName, boolean open, boolean locked, UUID caseOfficerId) {}

    /**
     * @param otherAdministrations administrations other than the case's where the person has cases
     * @param linkedPersons        persons linked to the case's person, masked: they lock with it
     */
    record PreCheck(List<String> otherAdministrations, List<LinkedPerson> linkedPersons) {}

    /** A linked person as LVS sees it before granting: the kind of link and the birth year only. */
    record LinkedPerson(String relation, String maskedIdentityNumber, boolean protectedItself) {}
}
