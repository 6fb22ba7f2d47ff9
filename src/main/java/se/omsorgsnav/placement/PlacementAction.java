package se.omsorgsnav.placement;

import static se.omsorgsnav.access.Role.ADMIN_ASSISTANT;
import static se.omsorgsnav.access.Role.CASE_OFFICER;
import static se.omsorgsnav.access.Role.OPERATIONS_LEAD;
import static se.omsorgsnav.access.Role.PLACEMENT_COORDINATOR;
import static se.omsorgsnav.access.Role.SENIOR_CASE_OFFICER;
import static se.omsorgsnav.access.Role.UNIT_MANAGER;

import se.omsorgsnav.access.Action;
import se.omsorgsnav.access.Rule;
import se.omsorgsnav.audit.AuditAction;

/**
 * Placement's access catalogue (DESIGN.md, "One access catalogue"): every action of the routine
 * with its rule, decided by {@code AccessControl} on a target built from today's facts. A home is
 * a unit: "the home's staff" is {@code ownUnit} on a target whose unit is the nursing home (the
 * caller passes no unit when theirs is not a home, so the term denies). A protected person's
 * placement — home, apartment, rent, ready and move-in dates — is {@link #SEE_PLACEMENT}: only
 * with a valid authorisation for her case (issue 14 §2, seed 002 §2.1).
 */
public enum PlacementAction implements Action {

    /** PLC-1: the case officer signs the decision on a case they may open (a protected person: authorisation and PIN). */
    SIGN_DECISION(AuditAction.CREATE, Rule.role(CASE_OFFICER, SENIOR_CASE_OFFICER).and(Rule.authorisedIfLocked())),
    /** PLC-2: the housing queue, persons through the gate. */
    VIEW_QUEUE(AuditAction.LIST, Rule.role(PLACEMENT_COORDINATOR, ADMIN_ASSISTANT, OPERATIONS_LEAD)),
    /** PLC-10: the placement team records a placed person's wish to move. */
    RECORD_RELOCATION_WISH(AuditAction.UPDATE, Rule.role(PLACEMENT_COORDINATOR, ADMIN_ASSISTANT)),
    /** PLC-4: the vacant apartments beside the queue. */
    VIEW_VACANT_APARTMENTS(AuditAction.LIST, Rule.role(PLACEMENT_COORDINATOR)),
    /**
     * PLC-4: the coordinator allocates; for a protected person only with an authorisation for the
     * case, since the allocation names her home and apartment (the agreed offer maker is checked too).
     */
    ALLOCATE(AuditAction.CREATE, Rule.role(PLACEMENT_COORDINATOR).and(Rule.authorisedIfLocked())),
    /** PLC-5, PLC-11: the agreed offer maker records that the offer was made; for a protected person with an authorisation. */
    RECORD_OFFER(AuditAction.UPDATE, Rule.agreedMaker().and(Rule.authorisedIfLocked())),
    /** PLC-6, PLC-7: the agreed offer maker records the answer. */
    RECORD_ANSWER(AuditAction.UPDATE, Rule.agreedMaker().and(Rule.authorisedIfLocked())),
    /** Seed 003 "Enhetschef" 10: the home's unit manager offers a home visit. */
    RECORD_HOME_VISIT(AuditAction.UPDATE, Rule.role(UNIT_MANAGER).and(Rule.ownUnit()).and(Rule.authorisedIfLocked())),
    /** PLC-8: the home's admin assistant, or the operations lead, executes the decision. */
    EXECUTE_DECISION(AuditAction.UPDATE, Rule.role(ADMIN_ASSISTANT).and(Rule.ownUnit()).or(Rule.role(OPERATIONS_LEAD))
            .and(Rule.authorisedIfLocked())),
    /** PLC-8: the notice to the property owner names the person; opened through the gate as well. */
    VIEW_LANDLORD_NOTICE(AuditAction.VIEW, Rule.role(ADMIN_ASSISTANT).and(Rule.ownUnit()).or(Rule.role(OPERATIONS_LEAD))
            .and(Rule.authorisedIfLocked())),
    /** PLC-5: offers past their answer day, for the placement team to follow up. */
    VIEW_OVERDUE_OFFERS(AuditAction.LIST, Rule.role(PLACEMENT_COORDINATOR, ADMIN_ASSISTANT, OPERATIONS_LEAD)),
    /** PLC-5: the coordinators follow up the offers past their answer day from their start page. */
    FOLLOW_UP_OVERDUE_OFFERS(AuditAction.LIST, Rule.role(PLACEMENT_COORDINATOR)),
    /** The allocations a home's unit manager and admin assistants work: their own home's. */
    WORK_HOME_ALLOCATIONS(AuditAction.LIST, Rule.role(UNIT_MANAGER, ADMIN_ASSISTANT).and(Rule.ownUnit())),
    /** PLC-11: the offers a coordinator or case officer may be the agreed maker of (each row then by {@link #AGREED_OFFER}). */
    WORK_AGREED_OFFERS(AuditAction.LIST, Rule.role(PLACEMENT_COORDINATOR, CASE_OFFICER, SENIOR_CASE_OFFICER)),
    /** PLC-11: this offer is the user's to make (the row is listed; recording it is {@link #RECORD_OFFER}). */
    AGREED_OFFER(AuditAction.LIST, Rule.agreedMaker()),
    /**
     * Issue 14 §2: a placement's home, apartment, rent, ready and move-in dates. Locked: only with
     * a valid authorisation for the case; otherwise the home's staff see that their apartment is
     * taken under a case number and everyone else nothing of the placement.
     */
    SEE_PLACEMENT(AuditAction.LIST, Rule.authorisedIfLocked()),
    /**
     * PROT-10: would {@link #SEE_PLACEMENT} show the row once the reader confirms with the PIN? Shows
     * nothing itself: a list asks it only for its masked rows, to say "bekräfta med PIN-kod" rather
     * than mask them silently.
     */
    SEE_PLACEMENT_AFTER_PIN(AuditAction.LIST, Rule.ifLocked(Rule.authorised())),
    /** PLC-12: decisions not executed in three months, for IVO. */
    VIEW_UNEXECUTED(AuditAction.LIST, Rule.role(OPERATIONS_LEAD, PLACEMENT_COORDINATOR, UNIT_MANAGER)),
    /** PLC-3: the home's unit manager keeps its apartments and sees its tenants and reports. */
    MANAGE_HOME(AuditAction.UPDATE, Rule.role(UNIT_MANAGER).and(Rule.ownUnit())),
    /** PLC-3: the home's unit manager reports a vacancy (a death or move-out names the tenant's case). */
    REPORT_VACANCY(AuditAction.CREATE, Rule.role(UNIT_MANAGER).and(Rule.ownUnit())),
    /** Seed 003 "Enhetschef" 11: the welcome conversation with a tenant. */
    RECORD_WELCOME_TALK(AuditAction.UPDATE, Rule.role(UNIT_MANAGER).and(Rule.ownUnit()).and(Rule.authorisedIfLocked())),
    /** UX-3: the municipality's trends. */
    VIEW_STATISTICS(AuditAction.VIEW, Rule.role(PLACEMENT_COORDINATOR, OPERATIONS_LEAD)),
    /** UX-3: a home's unit manager, the vacant days of their own home. */
    VIEW_HOME_STATISTICS(AuditAction.VIEW, Rule.role(UNIT_MANAGER).and(Rule.ownUnit())),
    /** PLC-11: a respite place booked by case number, never a name. */
    BOOK_RESPITE(AuditAction.CREATE, Rule.role(PLACEMENT_COORDINATOR)),
    CANCEL_RESPITE(AuditAction.UPDATE, Rule.role(PLACEMENT_COORDINATOR)),
    /** PLC-11: every home's coming bookings. */
    VIEW_RESPITE_BOOKINGS(AuditAction.LIST, Rule.role(PLACEMENT_COORDINATOR)),
    /** PLC-11: a home's staff, their own home's bookings. */
    VIEW_HOME_RESPITE_BOOKINGS(AuditAction.LIST, Rule.role(UNIT_MANAGER, ADMIN_ASSISTANT).and(Rule.ownUnit())),
    /** PLC-9: the case officer's accepted places on their own cases (the list is of their cases). */
    VIEW_MOVE_IN_REMINDERS(AuditAction.LIST, Rule.role(CASE_OFFICER, SENIOR_CASE_OFFICER));

    private final AuditAction audited;
    private final Rule rule;

    PlacementAction(AuditAction audited, Rule rule) {
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
