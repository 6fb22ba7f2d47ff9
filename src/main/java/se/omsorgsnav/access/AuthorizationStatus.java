package se.omsorgsnav.access;

/** Where a granted authorisation stands today: computed from its dates, never stored (PROT-6). */
public enum AuthorizationStatus {
    NOT_YET_VALID("Inte giltig än"),
    VALID("Giltig"),
    EXPIRED("Utgången"),
    REVOKED("Återkallad");

    private final String label;

    AuthorizationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
