package se.omsorgsnav.casework;

import se.omsorgsnav.access.Action;
import se.omsorgsnav.access.Role;
import se.omsorgsnav.access.Rule;
import se.omsorgsnav.audit.AuditAction;

/**
 * The casework module's access catalogue: every action on a case, with its rule. Targets are
 * built from {@code CaseDirectory} facts decided at read time (today's protection, PROT-25); a
 * case number that names no case is refused exactly like a forbidden one (PROT-24).
 */
public enum CaseworkAction implements Action {

    /** Open a new case: the roles that handle cases. Whether the person may be put on it is the gate's (PROT-4). */
    NEW_CASE(AuditAction.CREATE, Rule.role(Role.CASE_OFFICER, Role.SENIOR_CASE_OFFICER, Role.UNIT_MANAGER, Role.SYSTEM_SUPPORT)),

    /**
     * PROT-26: read a case in full — subject, officer, dates, journal. For a locked person only
     * with an authorisation for this very case; her other cases show number, unit and status only.
     */
    READ_CASE(AuditAction.VIEW, Rule.authorisedIfLocked()),

    /** A case page for a case number that names no case: refused like a forbidden one (PROT-24). */
    CASE_PAGE(AuditAction.VIEW, Rule.authorisedIfLocked()),

    /** PROT-15: the responsible case officer, or a unit manager or senior case officer of the case's unit, closes it. */
    CLOSE_CASE(AuditAction.UPDATE, Rule.caseOfficer().or(Rule.role(Role.UNIT_MANAGER, Role.SENIOR_CASE_OFFICER).and(Rule.ownUnit()))),

    /**
     * PROT-2, PROT-24: the unit manager of the case's unit decides lokalt skydd; for a person already
     * locked only with an authorisation, so that the answer tells nothing of her protection.
     */
    LOCAL_PROTECTION(AuditAction.UPDATE, Rule.role(Role.UNIT_MANAGER).and(Rule.ownUnit()).and(Rule.authorisedIfLocked())),

    /** PROT-2: the form for lokalt skydd; it shows nothing of the case. */
    LOCAL_PROTECTION_FORM(AuditAction.VIEW, Rule.role(Role.UNIT_MANAGER)),

    /** PROT-16: report a deviation on a case — on a locked person's case only with an authorisation for it. */
    DEVIATION(AuditAction.CREATE, Rule.authorisedIfLocked()),

    /** PROT-16: attach an "ej person" deviation to the person of a case, likewise. */
    DEVIATION_ATTACHED(AuditAction.UPDATE, Rule.authorisedIfLocked()),

    /** PROT-16: "ej person" deviations waiting for their person: SAS all, a unit manager those reported in the unit. */
    UNATTACHED_DEVIATIONS(AuditAction.LIST, Rule.role(Role.SOCIAL_SAFETY_COORDINATOR).or(Rule.role(Role.UNIT_MANAGER).and(Rule.ownUnit()))),

    /** PROT-2: what the unit must follow up (lokalt skydd that ends): case numbers and dates, for the unit's managers. */
    FOLLOW_UPS(AuditAction.LIST, Rule.role(Role.UNIT_MANAGER)),

    /** 002 §2.4: system support with the grant right registers the intake of a protected person without an earlier case. */
    INTAKE(AuditAction.CREATE, Rule.role(Role.SYSTEM_SUPPORT).and(Rule.grantRight()));

    private final AuditAction audited;
    private final Rule rule;

    CaseworkAction(AuditAction audited, Rule rule) {
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
