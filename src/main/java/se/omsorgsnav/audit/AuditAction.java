package se.omsorgsnav.audit;

/** What was done with personal data, with the words a reviewer reads. */
public enum AuditAction {
    /** Opened in full or masked on a page or through the API. */
    VIEW("Öppnade"),
    /** Shown as a row of a list or search result. */
    LIST("Visade i lista"),
    CREATE("Registrerade"),
    UPDATE("Ändrade"),
    EXPORT("Exporterade"),
    PRINT("Skrev ut"),
    /** The audit log itself was verified. */
    AUDIT_VERIFICATION("Kontrollerade loggen"),
    /** A log review was opened, read, concluded or exported (AUD-3). */
    AUDIT_REVIEW("Loggranskning");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The label of a stored action, or the stored word itself if it is not one of ours. */
    public static String labelOf(String stored) {
        for (AuditAction a : values()) {
            if (a.name().equals(stored)) {
                return a.label;
            }
        }
        return stored;
    }
}
