package se.omsorgsnav.shared;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that a user or client sent and that the domain cannot accept. The message is Swedish and
 * safe to show to the user: it must never repeat the offending value, since that value may be a
 * personnummer. The web layer turns it into a 400.
 * <p>
 * A form with several wrong fields is answered once, with each field's own message in
 * {@link #errors()} (and all of them, joined, as the message).
 */
public class InvalidInputException extends RuntimeException {

    /** One field's problem: the field's name and its Swedish message. */
    public record FieldError(String field, String message) {}

    private final String field;
    private final List<FieldError> errors;

    public InvalidInputException(String field, String swedishMessage) {
        super(swedishMessage);
        this.field = field;
        this.errors = List.of(new FieldError(field, swedishMessage));
    }

    /** Every problem found at once; the first names the field. */
    public InvalidInputException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::message).collect(Collectors.joining(" ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("no errors");
        }
        this.field = errors.get(0).field();
        this.errors = List.copyOf(errors);
    }

    /** The name of the input field the message is about, for placing the error next to it. */
    public String field() {
        return field;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
