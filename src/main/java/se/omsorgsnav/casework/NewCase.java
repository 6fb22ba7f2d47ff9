package se.omsorgsnav.casework;

import java.util.UUID;
import se.omsorgsnav.shared.FreeText;
import se.omsorgsnav.shared.InvalidInputException;

/** A case to open: for whom, in which unit, with which responsible case officer, about what. */
public record NewCase(UUID personId, UUID unitId, UUID caseOfficerId, String subject) {

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
        subject = FreeText.required("subject", "Vad ärendet gäller", subject, 200);
    }
}
