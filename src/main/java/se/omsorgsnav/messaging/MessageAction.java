package se.omsorgsnav.messaging;

import se.omsorgsnav.access.Action;
import se.omsorgsnav.access.Role;
import se.omsorgsnav.access.Rule;
import se.omsorgsnav.audit.AuditAction;

/**
 * Messaging's access catalogue: every action on a message, an attachment, a send list or a routing
 * rule, with its rule. A message names its sender and the users it reached ({@code Target.users});
 * its person and case are decided at read time from today's protection (PROT-25), never from a flag
 * stored when it was written.
 */
public enum MessageAction implements Action {

    /** MSG-2: anyone sends a message; on a case, the send is audited with the case's person. */
    SEND(AuditAction.CREATE, Rule.anyone()),
    /**
     * MSG-3, fault 17: a structured type that stands for a record (an access order, a placement
     * decision, a place offer, a move-in, a move-out) comes only from the record, composed by the
     * module that owns it: composing one by hand is refused, and the attempt recorded.
     */
    COMPOSE_RECORD_TYPE(AuditAction.CREATE, Rule.nobody()),
    /** MSG-6: the sender and the users it reached open a message and its thread. */
    READ_MESSAGE(AuditAction.VIEW, Rule.namedUser()),
    /** MSG-6: a reader marks it read (a POST: reading a page changes nothing). */
    MARK_READ(AuditAction.UPDATE, Rule.namedUser()),
    /** MSG-6: a reader hides it from the own inbox. */
    ARCHIVE_MESSAGE(AuditAction.UPDATE, Rule.namedUser()),
    /** MSG-6: the sender and the users it reached reply in its thread. */
    REPLY(AuditAction.CREATE, Rule.namedUser()),
    /**
     * PROT-3: what a message says about its person — subject, text, every field but the neutral
     * ones, attachment names — to a reader who may see the person in full: for a locked person,
     * an authorisation for the case confirmed with the PIN. The sender is no exception (fault 3).
     */
    READ_IN_FULL(AuditAction.VIEW, Rule.authorisedIfLocked()),
    /** MSG-7: an attachment may name the person, so it is downloaded only by a named user who may read the message in full. */
    DOWNLOAD_ATTACHMENT(AuditAction.VIEW, Rule.namedUser().and(Rule.authorisedIfLocked())),
    /** MSG-2: the unit manager keeps the own unit's group; MSG-6: and answers for its unread messages. */
    KEEP_UNIT_GROUP(AuditAction.UPDATE, Rule.role(Role.UNIT_MANAGER).and(Rule.ownUnit())),
    /** MSG-2, 002 §2.2: LVS keeps the system's groups. */
    KEEP_SYSTEM_GROUP(AuditAction.UPDATE, Rule.role(Role.SYSTEM_SUPPORT)),
    /** MSG-6: LVS names who answers for a system group's unread messages. */
    SET_GROUP_RESPONSIBLE(AuditAction.UPDATE, Rule.role(Role.SYSTEM_SUPPORT)),
    /** MSG-4: LVS, the administrator of the send lists, reads and changes where each structured type goes. */
    ROUTE_MESSAGE_TYPE(AuditAction.UPDATE, Rule.role(Role.SYSTEM_SUPPORT)),
    /**
     * 002 §2.2, §2.4: LVS takes an intake request or an access order on from its message; the page
     * offers the way (the intake form, the orders), which decide again when used.
     */
    FOLLOW_UP_FROM_MESSAGE(AuditAction.VIEW, Rule.role(Role.SYSTEM_SUPPORT));

    private final AuditAction audited;
    private final Rule rule;

    MessageAction(AuditAction audited, Rule rule) {
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
