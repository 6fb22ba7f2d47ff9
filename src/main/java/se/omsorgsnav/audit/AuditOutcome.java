package se.omsorgsnav.audit;

/** How an access ended. */
public enum AuditOutcome {
    /** The user saw or changed the data in full. */
    ALLOWED,
    /** The user saw only what anyone may see of a protected person (birth year, alias). */
    MASKED,
    /** "Behörighet saknas". */
    DENIED
}
