package se.omsorgsnav.access;

import se.omsorgsnav.audit.AuditAction;

/**
 * One named action on personal data, with its rule beside it: each module declares its catalogue
 * as an enum implementing this ({@code PlacementAction.RECORD_OFFER}, {@code CaseworkAction.CLOSE_CASE}
 * …), built from {@link Rule}'s vocabulary, and asks {@link AccessControl} before it acts. The
 * enum constant's name is what the audit event records as the purpose, so a reviewer reads the
 * same word the code says.
 */
public interface Action {

    /** The constant's name; recorded as the audit event's purpose. */
    String name();

    /** Who may do it, decided on the target's facts. */
    Rule rule();

    /** What the audit event says was done (read, change, export …). */
    AuditAction audited();
}
