package se.omsorgsnav.access;

/**
 * The user is authorised for a protected person but must confirm with the PIN first (PROT-10).
 * Carries nothing: the web layer sends the user to the PIN page and back to where they were.
 */
public class StepUpRequired extends RuntimeException {

    public StepUpRequired() {
        super("Bekräfta med PIN-kod", null, false, false);
    }
}
