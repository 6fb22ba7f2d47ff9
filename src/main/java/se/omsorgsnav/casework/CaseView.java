package se.omsorgsnav.casework;

import java.time.LocalDate;
import java.util.UUID;
import se.omsorgsnav.person.PersonView;

/**
 * A case as a user may see it; the person inside is already decided by the disclosure gate. A
 * {@code limited} case is one of a locked person's cases the user holds no authorisation for
 * (PROT-26): only its number, unit and status are given — person, subject, officer and dates are
 * null, so that a template or JSON writer cannot print them.
 */
public record CaseView(UUID id, String caseNumber, PersonView person, UUID unitId, String unitName,
                       UUID caseOfficerId, String caseOfficerName, String subject, CaseStatus status,
                       LocalDate openedOn, LocalDate closedOn, boolean limited) {

    /** Number, unit and status only (PROT-26); the person as the list shows her, masked or not. */
    CaseView limitedTo(PersonView shownPerson) {
        return new CaseView(id, caseNumber, shownPerson, unitId, unitName, null, null, null, status, null, null, true);
    }
}
