package se.omsorgsnav.audit;

/** What was done with personal data. */
public enum AuditAction {
    /** Opened in full or masked on a page or through the API. */
    VIEW,
    /** Shown as a row of a list or search result. */
    LIST,
    CREATE,
    UPDATE,
    EXPORT,
    PRINT,
    /** The audit log itself was verified or reviewed. */
    AUDIT_VERIFICATION
}
