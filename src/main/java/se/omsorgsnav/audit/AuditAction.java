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

    /** Stored name to label, for pages and exports that show stored events. */
    public static final java.util.Map<String, String> LABELS = java.util.Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Enum::name, AuditAction::label));

    /** The label of a stored value, or the stored word itself if it is not one of ours. */
    public static String labelOf(String stored) {
        return LABELS.getOrDefault(stored, stored);
    }
}
