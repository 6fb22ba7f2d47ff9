package se.omsorgsnav.casework;

import java.util.UUID;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.SubjectLine;

/**
 * A case to open: for whom, in which unit, with which responsible case officer, about what. The
 * subject is a {@link SubjectLine}: never a personnummer (fault 9).
 */
public record NewCase(UUID personId, UUID unitId, UUID caseOfficerId, String subject) {

    /** The longest subject a case has (care_case.subject). */
    static final int SUBJECT_LENGTH = 200;

    public NewCase {
        if (personId == null) {
            throw new InvalidInputException("personId", "Välj den person ärendet gäller.");
        }
        if (unitId == null) {
            throw new InvalidInputException("unitId", "Välj ansvarig enhet.");
        }
        if (caseOfficerId == null) {
            throw new InvalidInputException("caseOfficerId", "Välj ansvarig handläggare.");
        }
        subject = SubjectLine.of("subject", "Vad ärendet gäller", subject, SUBJECT_LENGTH);
    }
}
