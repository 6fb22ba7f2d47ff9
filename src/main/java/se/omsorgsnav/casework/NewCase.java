package se.omsorgsnav.casework;

import java.util.UUID;
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
        if (subject == null || subject.isBlank()) {
            throw new InvalidInputException("subject", "Skriv vad ärendet gäller, t.ex. ansökan om hemtjänst.");
        }
        subject = subject.strip();
        if (subject.length() > 200) {
            throw new InvalidInputException("subject", "Vad ärendet gäller får vara högst 200 tecken.");
        }
        if (subject.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("subject", "Vad ärendet gäller innehåller otillåtna tecken.");
        }
    }
}
