package se.omsorgsnav.messaging;

import java.util.List;

/**
 * One field of a structured message type (MSG-3): its name in the API, its Swedish label, whether
 * it is required, what it holds, and whether it locates the person (a facility, an apartment, a
 * relative), so that it is shown only to readers who may see a locked person.
 */
public record MessageField(String name, String label, boolean required, Kind kind, boolean locating, List<String> choices) {

    public enum Kind { TEXT, DATE, AMOUNT, CHOICE }

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

    static MessageField text(String name, String label, boolean required) {
        return new MessageField(name, label, required, Kind.TEXT, false, List.of());
    }

    static MessageField locating(String name, String label, boolean required) {
        return new MessageField(name, label, required, Kind.TEXT, true, List.of());
    }

    static MessageField date(String name, String label, boolean required) {
        return new MessageField(name, label, required, Kind.DATE, false, List.of());
    }

    static MessageField amount(String name, String label) {
        return new MessageField(name, label, true, Kind.AMOUNT, false, List.of());
    }

    static MessageField choice(String name, String label, String... choices) {
        return new MessageField(name, label, true, Kind.CHOICE, false, List.of(choices));
    }
}
