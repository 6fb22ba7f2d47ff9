package se.omsorgsnav.messaging;

import java.util.List;

/**
 * One field of a structured message type (MSG-3): its name in the API, its Swedish label, whether
 * it is required, what it holds, and whether it locates the person (a facility, an apartment, a
 * relative), so that it is shown only to readers who may see a locked person.
 */
public record MessageField(String name, String label, boolean required, Kind kind, boolean locating, List<String> choices) {

    public enum Kind { TEXT, DATE, AMOUNT, CHOICE }

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
