package se.omsorgsnav.person;

import se.omsorgsnav.access.Action;
import se.omsorgsnav.access.Role;
import se.omsorgsnav.access.Rule;
import se.omsorgsnav.audit.AuditAction;

/**
 * The person module's access catalogue. The disclosure gate keeps its bulk decision for lists (one
 * query for a whole list, PROT-3, PROT-5); where it refuses one person, the refusal goes through
 * {@code AccessControl.require} with one of these, so that it is audited like every other denial.
 */
public enum PersonAction implements Action {

    /**
     * PROT-4, PROT-25: open a locked person in full — only with a valid authorisation for a case of
     * hers, confirmed with the PIN. A person with protection of her own opens only through her own
     * case; the gate decides, this audits the refusal.
     */
    OPEN_PERSON(AuditAction.VIEW, Rule.authorisedIfLocked()),

    /** 002 §2.4: system support with the grant right puts a locked person on her first case without seeing her. */
    NEW_CASE_UNSEEN(AuditAction.VIEW, Rule.role(Role.SYSTEM_SUPPORT).and(Rule.grantRight())),

    /** 002 §2.4: system support registers a person by hand (and opens the form for it). */
    REGISTER_PERSON(AuditAction.CREATE, Rule.role(Role.SYSTEM_SUPPORT)),

    /** REG-1 by hand until the population-register import: system support records a death. */
    RECORD_DEATH(AuditAction.UPDATE, Rule.role(Role.SYSTEM_SUPPORT)),

    /** PROT-2: a unit manager decides lokalt skydd for the person (the case's own rule is casework's). */
    LOCAL_PROTECTION(AuditAction.UPDATE, Rule.role(Role.UNIT_MANAGER)),

    /** PROT-23: a unit manager produces a person's extract of who accessed her data; the person is opened through the gate. */
    ACCESS_EXTRACT(AuditAction.VIEW, Rule.role(Role.UNIT_MANAGER));

    private final AuditAction audited;
    private final Rule rule;

    PersonAction(AuditAction audited, Rule rule) {
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
