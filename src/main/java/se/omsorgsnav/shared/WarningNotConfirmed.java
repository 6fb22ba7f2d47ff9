package se.omsorgsnav.shared;

/**
 * Input that may be right but deserves a second look, such as a message text that holds a name
 * the system protects (MSG-8): refused until the user confirms it. The web layer answers 422 with
 * the Swedish message, which (like every {@link InvalidInputException}) never repeats the input.
 */
public class WarningNotConfirmed extends InvalidInputException {

    public WarningNotConfirmed(String field, String swedishMessage) {
        super(field, swedishMessage);
    }
}
