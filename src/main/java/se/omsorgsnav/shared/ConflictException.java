package se.omsorgsnav.shared;

/**
 * Someone else got there first: the thing was taken or changed since the user saw it (an
 * apartment already allocated, a decision already offered). The web layer answers 409 with the
 * Swedish message, which never repeats personal data.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String swedishMessage) {
        super(swedishMessage);
    }
}
