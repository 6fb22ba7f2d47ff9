package se.omsorgsnav.messaging;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.CaseDirectory;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.Target;

/**
 * A message as the access catalogue sees it: the users it names (its sender, and the reader if it
 * reached them) and its case with today's protection (PROT-25). Anyone it does not name is told
 * "Behörighet saknas", exactly as for a message that does not exist, and the attempt is recorded.
 */
@Component
class MessageAccess {

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final AccessControl access;
    private final CaseDirectory cases;

    MessageAccess(JdbcClient jdbc, CurrentUsers users, AccessControl access, CaseDirectory cases) {
        this.jdbc = jdbc;
        this.users = users;
        this.access = access;
        this.cases = cases;
    }

    /** A message as its reader may reach it; {@code delivered} when it reached the reader (not only sent by them). */
    record Readable(UUID id, UUID threadId, UUID senderId, String subject, String caseNumber, UUID caseId, UUID personId,
                    boolean delivered, OffsetDateTime readAt, Target target) {}

    /** The message if the action is allowed on it, else "Behörighet saknas" (audited, alike for no such message). */
    Readable require(MessageAction action, UUID id) {
        Optional<Readable> message = find(id);
        access.require(action, message.map(Readable::target));
        return message.orElseThrow();
    }

    /** The message with its target, for a decision the caller makes with more facts (an attachment); decides nothing. */
    Optional<Readable> find(UUID id) {
        return find(users.current(), id);
    }

    /** May the reader see what the message says about its person, as of today? */
    boolean inFull(Readable message) {
        return message.personId() == null || access.has(MessageAction.READ_IN_FULL, message.target());
    }

    private record Row(UUID id, UUID threadId, UUID senderId, String subject, String caseNumber, UUID caseId, UUID personId,
                       boolean delivered, OffsetDateTime readAt) {}

    private Optional<Readable> find(CurrentUser me, UUID id) {
        return jdbc.sql("""
                        select m.id, m.thread_id, m.sender_id, m.subject, m.case_number, m.case_id, m.person_id, d.user_id, d.read_at
                        from message m left join message_delivery d on d.message_id = m.id and d.user_id = :me
                        where m.id = :id
                        """)
                .param("me", me.id()).param("id", id)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class), rs.getObject(7, UUID.class),
                        rs.getObject(8, UUID.class) != null, rs.getObject(9, OffsetDateTime.class)))
                .optional()
                .map(r -> {
                    Set<UUID> named = new HashSet<>();
                    named.add(r.senderId());
                    if (r.delivered()) {
                        named.add(me.id());
                    }
                    return new Readable(r.id(), r.threadId(), r.senderId(), r.subject(), r.caseNumber(), r.caseId(), r.personId(),
                            r.delivered(), r.readAt(), target(r.caseId(), r.personId(), named));
                });
    }

    /** The case with today's lock and officer; a message without a case names users only. */
    private Target target(UUID caseId, UUID personId, Set<UUID> named) {
        if (caseId == null) {
            return personId == null ? Target.NONE.withUsers(named) : Target.person(personId, true).withUsers(named);
        }
        // A case that cannot be found fails closed: locked.
        return cases.find(caseId).map(Target::ofCase).orElse(Target.ofCase(caseId, personId, null, null, true)).withUsers(named);
    }
}
