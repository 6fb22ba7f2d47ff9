package se.omsorgsnav.shared;

/**
 * Input that a user or client sent and that the domain cannot accept. The message is Swedish and
 * safe to show to the user: it must never repeat the offending value, since that value may be a
 * personnummer. The web layer turns it into a 400.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String swedishMessage) {
        super(swedishMessage);
        this.field = field;
    }

    /** The name of the input field the message is about, for placing the error next to it. */
    public String field() {
        return field;
    }
}
