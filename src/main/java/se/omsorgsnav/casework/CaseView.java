package se.omsorgsnav.casework;

import java.time.LocalDate;
import java.util.UUID;
import se.omsorgsnav.person.PersonView;

/** A case as a user may see it; the person inside is already decided by the disclosure gate. */
public record CaseView(UUID id, String caseNumber, PersonView person, UUID unitId, String unitName,
                       UUID caseOfficerId, String caseOfficerName, String subject, CaseStatus status,
                       LocalDate openedOn, LocalDate closedOn) {}
