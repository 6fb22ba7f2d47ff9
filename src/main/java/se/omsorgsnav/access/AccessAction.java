package se.omsorgsnav.access;

import se.omsorgsnav.audit.AuditAction;

/**
 * Access's own catalogue: the access workflow (PROT-6–9, PROT-15) and step-up (PROT-10). The
 * constant's name is the audit event's purpose. "LVS" below is system support holding the grant
 * right; a unit manager acts on the cases of the own unit.
 */
public enum AccessAction implements Action {

    /** The order form: unit managers. */
    AUTHORIZATION_ORDER_FORM(AuditAction.VIEW, Rule.role(Role.UNIT_MANAGER)),
    /**
     * PROT-8: a unit manager orders (or orders removal of) a colleague's authorisation on a case of
     * the own unit; another unit's case answers like one that does not exist (PROT-24).
     */
    AUTHORIZATION_REQUESTED(AuditAction.CREATE, Rule.role(Role.UNIT_MANAGER).and(Rule.ownUnit())),
    /** The work list of orders: LVS sees the open ones, a unit manager the own. */
    AUTHORIZATION_REQUEST_LIST(AuditAction.VIEW, lvs().or(Rule.role(Role.UNIT_MANAGER))),
    /** One order: LVS, or the unit manager who placed it (named). */
    AUTHORIZATION_REQUEST_VIEWED(AuditAction.VIEW, lvs().or(Rule.role(Role.UNIT_MANAGER).and(Rule.namedUser()))),
    /**
     * PROT-6, fault 14: LVS grants, never to a user the grant names — the grantee or the orderer —
     * so a grant always takes a second person: LVS's own access is ordered by another or granted
     * by a second LVS.
     */
    AUTHORIZATION_GRANTED(AuditAction.CREATE, lvs().and(Rule.notNamedUser())),
    /** LVS refuses an order. */
    AUTHORIZATION_REFUSED(AuditAction.UPDATE, lvs()),
    /** LVS carries out an order of removal. */
    AUTHORIZATION_REMOVED(AuditAction.UPDATE, lvs()),
    /** PROT-15: LVS, or the unit manager of the case's unit, revokes. */
    AUTHORIZATION_REVOKED(AuditAction.UPDATE, administers()),
    /** PROT-7, PROT-15: who has, had or will have access to a case. */
    AUTHORIZATION_LIST(AuditAction.VIEW, administers()),
    /**
     * PROT-3: the units of those who hold access to a protected person's case are where she is
     * served (her home's manager, the home-care area): named on the lists above only to someone
     * authorised for the case; anyone else sees the holders' names and roles without a unit.
     */
    AUTHORIZATION_HOLDER_UNITS(AuditAction.VIEW, administers().and(Rule.authorisedIfLocked())),
    /** PROT-7: the checks before a grant, the grant page, finding a case by its number. */
    AUTHORIZATION_PRECHECK(AuditAction.VIEW, lvs()),
    /** PROT-15: closed cases whose authorisations still hold, for LVS to remove. */
    AUTHORIZATION_CLOSED_CASES(AuditAction.VIEW, lvs()),
    /** PROT-10: confirming with one's own PIN; everyone logged in. */
    STEP_UP(AuditAction.VIEW, Rule.anyone()),
    /** Setting one's own PIN, proven with the password; everyone logged in. */
    PIN(AuditAction.UPDATE, Rule.anyone());

    private final AuditAction audited;
    private final Rule rule;

    AccessAction(AuditAction audited, Rule rule) {
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

    private static Rule lvs() {
        return Rule.role(Role.SYSTEM_SUPPORT).and(Rule.grantRight());
    }

    private static Rule administers() {
        return lvs().or(Rule.role(Role.UNIT_MANAGER).and(Rule.ownUnit()));
    }
}
