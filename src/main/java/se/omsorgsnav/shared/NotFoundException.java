package se.omsorgsnav.shared;

/**
 * Something the caller asked for by identity number does not exist. Only used where existence
 * may be told (a lookup that would otherwise show a masked hit); opening by id answers
 * "Behörighet saknas" instead, so that a denial and a miss look alike.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String swedishMessage) {
        super(swedishMessage);
    }
}
