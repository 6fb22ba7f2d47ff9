package se.omsorgsnav.messaging;

import java.util.List;

/**
 * One field of a structured message type (MSG-3): its name in the API, its Swedish label, whether
 * it is required, what it holds, and what it says about the message's person ({@link Sensitivity}),
 * so that everything but a neutral field is shown only to readers who may see a locked person.
 */
public record MessageField(String name, String label, boolean required, Kind kind, Sensitivity sensitivity, List<String> choices) {

    public enum Kind { TEXT, DATE, AMOUNT, CHOICE }

    /**
     * What a field says about the person the message is about (issue 14 §2, seed 002 §1.1: what
     * directly, indirectly or together with other data can reveal where a protected person lives).
     * Only a neutral field is shown to a reader to whom the person is masked.
     */
    public enum Sensitivity {
        /** Names or points to the person or her relatives: a relative's contact, an invoice recipient. */
        IDENTIFYING,
        /** Where she lives or will live, or what points to it: home, apartment, rent, care profile, ready and move dates. */
        WHEREABOUTS,
        /** Free text, or a structured fact, written about her: remarks, reasons, wishes, her fee. */
        ABOUT_PERSON,
        /** About the routine or the staff, not the person: an order's kind and period, the staff member to grant, a decision date. */
        NEUTRAL;

        /** Withheld from a reader to whom the message's person is masked. */
        public boolean withheldWhenMasked() {
            return this != NEUTRAL;
        }
    }

    /** Withheld from a reader to whom the message's person is masked (PROT-3). */
    public boolean withheldWhenMasked() {
        return sensitivity.withheldWhenMasked();
    }

    private static final java.util.Map<String, String> CHOICE_LABELS = java.util.Map.ofEntries(
            java.util.Map.entry("SOMATIC", "Somatisk"), java.util.Map.entry("DEMENTIA", "Demens"),
            java.util.Map.entry("DEATH", "Avliden"), java.util.Map.entry("MOVE_OUT", "Utflyttning"),
            java.util.Map.entry("OWN_HOME", "Eget boende"), java.util.Map.entry("SHORT_STAY", "Korttidsboende"),
            java.util.Map.entry("HOSPITAL", "Sjukhus"), java.util.Map.entry("YES", "Ja"), java.util.Map.entry("NO", "Nej"),
            java.util.Map.entry("ADD", "Lägg till behörighet"), java.util.Map.entry("REMOVE", "Ta bort behörighet"),
            java.util.Map.entry("REPORT", "Anmälan"), java.util.Map.entry("APPLICATION", "Ansökan"));

    /** The Swedish words for a stored choice, as pages show it. */
    public static String choiceLabel(String choice) {
        return CHOICE_LABELS.getOrDefault(choice, choice);
    }

    /** A stored value as a page shows it: a choice in words, anything else as stored. */
    public String display(String value) {
        return kind == Kind.CHOICE ? choiceLabel(value) : value;
    }

    static MessageField text(String name, String label, boolean required, Sensitivity sensitivity) {
        return new MessageField(name, label, required, Kind.TEXT, sensitivity, List.of());
    }

    static MessageField date(String name, String label, boolean required, Sensitivity sensitivity) {
        return new MessageField(name, label, required, Kind.DATE, sensitivity, List.of());
    }

    static MessageField amount(String name, String label, Sensitivity sensitivity) {
        return new MessageField(name, label, true, Kind.AMOUNT, sensitivity, List.of());
    }

    static MessageField choice(String name, String label, Sensitivity sensitivity, String... choices) {
        return new MessageField(name, label, true, Kind.CHOICE, sensitivity, List.of(choices));
    }
}
