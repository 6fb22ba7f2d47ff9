package se.omsorgsnav.messaging;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessDenied;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.Role;
import se.omsorgsnav.audit.AuditAction;
import se.omsorgsnav.audit.AuditEntry;
import se.omsorgsnav.audit.AuditLog;
import se.omsorgsnav.audit.AuditOutcome;
import se.omsorgsnav.shared.InvalidInputException;

/**
 * Message groups, the send lists (MSG-2): the system's groups and one per unit. The unit manager
 * keeps their own unit's group current, and LVS keeps the system's groups (002 §2.2: LVS
 * administers the send lists of the protected-data routines); anyone else is told "Behörighet
 * saknas", also for a group that does not exist. Who is in a group decides who receives protected
 * cases' messages, so each change is recorded.
 */
@Component
public class MessageGroups {

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final Clock clock;

    MessageGroups(JdbcClient jdbc, CurrentUsers users, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** A group as a sender chooses it: name, kind, size, and whether I am in it or may keep it. */
    public record MessageGroupView(UUID id, String name, String kind, long members, boolean member, boolean manageable) {}

    /** A member of a group, as its keeper sees the list. */
    public record Member(String username, String fullName, String roleTitle) {}

    /** The members of a group, for its keeper only (one statement). */
    @Transactional(readOnly = true)
    public List<Member> members(UUID groupId) {
        requireManager(groupId, "MESSAGE_GROUP_MEMBERS");
        return jdbc.sql("""
                        select u.username, u.full_name, u.role from message_group_member m join app_user u on u.id = m.user_id
                        where m.group_id = ? order by u.full_name, u.username
                        """)
                .param(groupId)
                .query((rs, n) -> new Member(rs.getString(1), rs.getString(2), Role.TITLES.getOrDefault(rs.getString(3), rs.getString(3))))
                .list();
    }

    /** Who answers for the group's unread messages (MSG-6), for its keeper; a unit's group answers to the unit's managers. */
    @Transactional(readOnly = true)
    public java.util.Optional<Member> responsible(UUID groupId) {
        requireManager(groupId, "MESSAGE_GROUP_MEMBERS");
        return jdbc.sql("""
                        select u.username, u.full_name, u.role from message_group g join app_user u on u.id = g.responsible_user_id where g.id = ?
                        """)
                .param(groupId)
                .query((rs, n) -> new Member(rs.getString(1), rs.getString(2), Role.TITLES.getOrDefault(rs.getString(3), rs.getString(3))))
                .optional();
    }

    /** LVS names who answers for a system group's unread messages (MSG-6). */
    @Transactional
    public void setResponsible(UUID groupId, String username) {
        requireManager(groupId, "MESSAGE_GROUP_RESPONSIBLE");
        String kind = jdbc.sql("select kind from message_group where id = ?").param(groupId).query(String.class).single();
        if (!"SYSTEM".equals(kind)) {
            throw new InvalidInputException("username", "En enhets grupp har enhetens chefer som ansvariga.");
        }
        UUID user = user(username);
        jdbc.sql("update message_group set responsible_user_id = ? where id = ?").params(user, groupId).update();
        audit.record(users.actor(), new AuditEntry(null, null, AuditAction.UPDATE, "MESSAGE_GROUP_RESPONSIBLE", AuditOutcome.ALLOWED));
    }

    /** Every group, one statement. */
    @Transactional(readOnly = true)
    public List<MessageGroupView> all() {
        CurrentUser me = users.current();
        return jdbc.sql("""
                        select g.id, g.name, g.kind, g.unit_id,
                               (select count(*) from message_group_member c where c.group_id = g.id) as members,
                               (select count(*) from message_group_member c where c.group_id = g.id and c.user_id = :me) as mine
                        from message_group g order by g.kind, g.name, g.id
                        """)
                .param("me", me.id())
                .query((rs, n) -> new MessageGroupView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(5),
                        rs.getLong(6) > 0, manages(me, new Kept(rs.getString(3), rs.getObject(4, UUID.class)))))
                .list();
    }

    /** Adds a user to the group; adding a member twice changes nothing. */
    @Transactional
    public void addMember(UUID groupId, String username) {
        CurrentUser me = requireManager(groupId, "MESSAGE_GROUP_MEMBER_ADDED");
        UUID user = user(username);
        jdbc.sql("insert into message_group_member (group_id, user_id, added_by, added_at) values (?, ?, ?, ?) on conflict do nothing")
                .params(groupId, user, me.id(), OffsetDateTime.now(clock)).update();
        audit.record(users.actor(), new AuditEntry(null, null, AuditAction.UPDATE, "MESSAGE_GROUP_MEMBER_ADDED", AuditOutcome.ALLOWED));
    }

    /** Removes a user from the group; removing a non-member changes nothing. Messages that reached them stay theirs. */
    @Transactional
    public void removeMember(UUID groupId, String username) {
        requireManager(groupId, "MESSAGE_GROUP_MEMBER_REMOVED");
        UUID user = user(username);
        jdbc.sql("delete from message_group_member where group_id = ? and user_id = ?").params(groupId, user).update();
        audit.record(users.actor(), new AuditEntry(null, null, AuditAction.UPDATE, "MESSAGE_GROUP_MEMBER_REMOVED", AuditOutcome.ALLOWED));
    }

    private CurrentUser requireManager(UUID groupId, String purpose) {
        CurrentUser me = users.current();
        Kept group = jdbc.sql("select kind, unit_id from message_group where id = ?").param(groupId)
                .query((rs, n) -> new Kept(rs.getString(1), rs.getObject(2, UUID.class))).optional().orElse(null);
        if (group == null || !manages(me, group)) {
            audit.recordDenial(users.actor(), new AuditEntry(null, null, AuditAction.UPDATE, purpose, AuditOutcome.DENIED));
            throw new AccessDenied();
        }
        return me;
    }

    private record Kept(String kind, UUID unitId) {}

    private static boolean manages(CurrentUser me, Kept group) {
        if ("SYSTEM".equals(group.kind())) {
            return me.is(Role.SYSTEM_SUPPORT);
        }
        return group.unitId() != null && me.is(Role.UNIT_MANAGER) && group.unitId().equals(me.unitId());
    }

    private UUID user(String username) {
        if (username == null || username.isBlank()) {
            throw new InvalidInputException("username", "Ange användarnamnet.");
        }
        return jdbc.sql("select id from app_user where username = ? and enabled = true").param(username.strip()).query(UUID.class).optional()
                .orElseThrow(() -> new InvalidInputException("username", "Det finns ingen aktiv användare med det användarnamnet."));
    }
}
