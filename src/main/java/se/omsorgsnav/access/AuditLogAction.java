package se.omsorgsnav.access;

import se.omsorgsnav.audit.AuditAction;

/**
 * Who may read the audit log (AUD-2, AUD-3, PROT-3). Declared here, not in audit: audit depends on
 * shared alone and keeps only its own invariants (a review is concluded once); the shell's
 * controllers ask {@link AccessControl} with these before they call audit's services. The
 * constant's name is the purpose audit records for the same step.
 */
public enum AuditLogAction implements Action {

    /** AUD-2: whether the chain is intact. */
    AUDIT_VERIFICATION(AuditAction.AUDIT_VERIFICATION, reviewers()),
    /** AUD-3: searching the log. */
    AUDIT_SEARCH(AuditAction.VIEW, reviewers()),
    /** AUD-3: opening a review over a scope. */
    AUDIT_REVIEW_OPENED(AuditAction.AUDIT_REVIEW, reviewers()),
    /** AUD-3: the list of reviews: each reviewer's own. */
    AUDIT_REVIEW_LIST(AuditAction.AUDIT_REVIEW, reviewers()),
    /** Fault 15: a review is read by its own reviewer (named) only. */
    AUDIT_REVIEW_VIEWED(AuditAction.AUDIT_REVIEW, reviewers().and(Rule.namedUser())),
    AUDIT_REVIEW_EXPORT(AuditAction.EXPORT, reviewers().and(Rule.namedUser())),
    /** Only its reviewer signs the conclusion. */
    AUDIT_REVIEW_CONCLUDED(AuditAction.AUDIT_REVIEW, reviewers().and(Rule.namedUser())),
    /**
     * Fault 6 (PROT-3): who, in which unit and for what purpose handled a protected person is
     * shown only to a reviewer authorised for the person or holding the review right for protected
     * persons (SAS); others see the event as "skyddad person".
     */
    PROTECTED_ACCESSES(AuditAction.VIEW, Rule.ifLocked(Rule.role(Role.SOCIAL_SAFETY_COORDINATOR).or(Rule.authorised())));

    private final AuditAction audited;
    private final Rule rule;

    AuditLogAction(AuditAction audited, Rule rule) {
        this.audited = audited;
        this.rule = rule;
    }

    @Override
    public Rule rule() {
        return rule;
    }

    @Override
    public AuditAction audited() {
        return audited;
    }

    private static Rule reviewers() {
        return Rule.role(Role.UNIT_MANAGER, Role.OPERATIONS_LEAD, Role.SYSTEM_SUPPORT, Role.SOCIAL_SAFETY_COORDINATOR);
    }
}
