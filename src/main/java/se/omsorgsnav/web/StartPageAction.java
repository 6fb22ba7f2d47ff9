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
    /**
     * The fee officers' work as it reaches them today: unread move-ins, deaths and move-outs (routed
     * to every fee officer, MSG-4) and fee information (BIL-7). The billing basis joins it when billing lands.
     */
    FEE_MESSAGES(AuditAction.LIST, Rule.role(Role.FEE_OFFICER)),
    /** The alarm operators' assignments: unread messages to "Trygghetsjouren uppdragsmottagare" (MSG-2). */
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
