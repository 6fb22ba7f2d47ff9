package se.omsorgsnav.web;

import se.omsorgsnav.access.Action;
import se.omsorgsnav.access.Role;
import se.omsorgsnav.access.Rule;
import se.omsorgsnav.audit.AuditAction;

/**
 * Which work lists the start page shows (UX-2): a role as a fact about one's own work, asked of
 * the catalogue like any other access. Each list still filters its own rows.
 */
public enum StartPageAction implements Action {

    /** The case officer's own cases and move-ins. */
    OWN_CASES(AuditAction.LIST, Rule.role(Role.CASE_OFFICER, Role.SENIOR_CASE_OFFICER)),
    /** The number of orders waiting for LVS. */
    OPEN_AUTHORIZATION_ORDERS(AuditAction.LIST, Rule.role(Role.SYSTEM_SUPPORT)),
    /** The unit's follow-ups, for its manager. */
    UNIT_FOLLOW_UPS(AuditAction.LIST, Rule.role(Role.UNIT_MANAGER)),
    /** The month's billing basis, for the fee officers: a marked place until the billing issue lands (UX-2). */
    BILLING_BASIS(AuditAction.LIST, Rule.role(Role.FEE_OFFICER)),
    /** The alarm assignments, for the alarm operators: a marked place until the alarm issue lands (UX-2). */
    ALARM_ASSIGNMENTS(AuditAction.LIST, Rule.role(Role.ALARM_OPERATOR));

    private final AuditAction audited;
    private final Rule rule;

    StartPageAction(AuditAction audited, Rule rule) {
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
}
