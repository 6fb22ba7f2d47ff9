package se.omsorgsnav.audit;

/** How an access ended, with the words a reviewer reads. */
public enum AuditOutcome {
    /** The user saw or changed the data in full. */
    ALLOWED("Visad i sin helhet"),
    /** The user saw only what anyone may see of a protected person (birth year, alias). */
    MASKED("Maskerad"),
    /** "Behörighet saknas". */
    DENIED("Nekad");

    private final String label;

    AuditOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Stored name to label, for pages and exports that show stored events. */
    public static final java.util.Map<String, String> LABELS = java.util.Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Enum::name, AuditOutcome::label));

    /** The label of a stored value, or the stored word itself if it is not one of ours. */
    public static String labelOf(String stored) {
        return LABELS.getOrDefault(stored, stored);
    }
}
