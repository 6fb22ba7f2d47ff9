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
    /** The home's tasks, for the manager of a nursing home. */
    MANAGED_HOME(AuditAction.LIST, Rule.role(Role.UNIT_MANAGER)),
    /** The home's tasks, for its administrative assistant. */
    HOME_STAFF(AuditAction.LIST, Rule.role(Role.ADMIN_ASSISTANT));

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
