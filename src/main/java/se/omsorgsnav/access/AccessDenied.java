package se.omsorgsnav.access;

/**
 * "Behörighet saknas". Thrown for a denial and for something that does not exist alike, so that
 * the answer never tells whether a protected person is there (it carries no detail on purpose).
 */
public class AccessDenied extends RuntimeException {

    public static final String MESSAGE = "Behörighet saknas";

    public AccessDenied() {
        super(MESSAGE, null, false, false);
    }
}
