package se.omsorgsnav.shared;

/**
 * A subject line — a case's "vad ärendet gäller", a message's subject — which colleagues see in
 * lists: one line of free text that never holds a personnummer or samordningsnummer in any usual
 * spelling (002 §2.2 "Skriv aldrig personnummer", §5.9, §8.5). The pure part of the rule; whether
 * it names a protected person is the person module's question ({@code ProtectedNames}). The error
 * never repeats what was typed.
 */
public final class SubjectLine {

    public static final String NO_PERSONNUMMER = "Skriv aldrig personnummer eller samordningsnummer i en rubrik: "
            + "den syns i listor för kollegor. Använd ärendenumret i stället.";

    private SubjectLine() {}

    /** The subject to store, trimmed, or a Swedish 400. */
    public static String of(String field, String label, String typed, int max) {
        if (PersonalIdentityNumber.appearsIn(typed)) {
            throw new InvalidInputException(field, NO_PERSONNUMMER);
        }
        return FreeText.required(field, label, typed, max);
    }
}
