package se.omsorgsnav.messaging;

import se.omsorgsnav.shared.CaseNumber;
import se.omsorgsnav.shared.FreeText;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.PersonalIdentityNumber;

/**
 * The subject line (MSG-5, 002 §2.2 "Skriv aldrig personnummer", §5.9, §8.5). Every subject is
 * refused if it holds a personnummer or samordningsnummer in any usual spelling. When the case's
 * person is locked (protected, or linked to a protected person), the subject is the case number
 * and nothing else: the system writes it, and a typed subject is accepted only if it is exactly
 * the case number (in any letter case, with surrounding spaces). A rule without judgement calls:
 * names, districts or free words cannot slip through next to the number.
 * <p>
 * Not an oracle of the lock (PROT-24, checked in issue 14): the answer differs only between a
 * locked and an unlocked case, and an unlocked case is open to every sender (its person is shown
 * to all, {@code CaseworkAction.READ_CASE} is {@code authorisedIfLocked}), so the lock is already
 * plain to anyone who types its number. Among the cases a sender may not see — all of them locked
 * — every one answers alike: the case number as subject, or this refusal; and a message sent about
 * one shows its sender the person masked (birth year only) in any case.
 */
final class SubjectGuard {

    static final int MAX_LENGTH = 200;
    static final String NO_PERSONNUMMER = "Ämnesraden får aldrig innehålla personnummer eller samordningsnummer. "
            + "Koppla meddelandet till ärendet med ärendenumret i stället.";
    static final String CASE_NUMBER_ONLY = "Ärendet gäller en person med skyddade personuppgifter: ämnesraden får bara innehålla "
            + "ärendenumret. Lämna ämnesraden tom så skriver systemet ärendenumret.";

    private SubjectGuard() {}

    /** The subject to store, or a Swedish 400 that does not repeat what was typed. */
    static String subject(String typed, CaseNumber caseNumber, boolean locked) {
        if (PersonalIdentityNumber.appearsIn(typed)) {
            throw new InvalidInputException("subject", NO_PERSONNUMMER);
        }
        if (locked) {
            if (typed == null || typed.isBlank() || typed.strip().equalsIgnoreCase(caseNumber.value())) {
                return caseNumber.value();
            }
            throw new InvalidInputException("subject", CASE_NUMBER_ONLY);
        }
        return FreeText.required("subject", "Ämnesraden", typed, MAX_LENGTH);
    }
}
