package se.omsorgsnav.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.omsorgsnav.access.AccessDenied;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.audit.AuditAction;
import se.omsorgsnav.audit.AuditEntry;
import se.omsorgsnav.audit.AuditLog;
import se.omsorgsnav.audit.AuditOutcome;

/**
 * Who may read a message: its sender and the users it reached. Anyone else is told "Behörighet
 * saknas", exactly as for a message that does not exist, and the attempt is recorded.
 */
@Component
class MessageAccess {

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final AuditLog audit;

    MessageAccess(JdbcClient jdbc, CurrentUsers users, AuditLog audit) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
    }

    /** A message as its reader may reach it; {@code delivered} when it reached the reader (not only sent by them). */
    record Readable(UUID id, UUID threadId, UUID senderId, String subject, String caseNumber, UUID caseId, UUID personId,
                    boolean delivered, OffsetDateTime readAt) {}

    Readable require(CurrentUser me, UUID id) {
        return require(me, id, "MESSAGE");
    }

    /** As {@link #require(CurrentUser, UUID)}, recording a refusal under the given purpose. */
    Readable require(CurrentUser me, UUID id, String purpose) {
        Readable message = jdbc.sql("""
                        select m.id, m.thread_id, m.sender_id, m.subject, m.case_number, m.case_id, m.person_id, d.user_id, d.read_at
                        from message m left join message_delivery d on d.message_id = m.id and d.user_id = :me
                        where m.id = :id
                        """)
                .param("me", me.id()).param("id", id)
                .query((rs, n) -> new Readable(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class), rs.getObject(7, UUID.class),
                        rs.getObject(8, UUID.class) != null, rs.getObject(9, OffsetDateTime.class)))
                .optional().orElse(null);
        if (message == null || !(message.senderId().equals(me.id()) || message.delivered())) {
            audit.recordDenial(users.actor(), new AuditEntry(message == null ? null : message.personId(), message == null ? null : message.caseId(),
                    AuditAction.VIEW, purpose, AuditOutcome.DENIED));
            throw new AccessDenied();
        }
        return message;
    }
}
