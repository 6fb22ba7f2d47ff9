package se.omsorgsnav.messaging;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.Role;
import se.omsorgsnav.access.StaffDirectory;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.audit.AuditEntry;
import se.omsorgsnav.audit.AuditLog;
import se.omsorgsnav.audit.AuditOutcome;
import se.omsorgsnav.shared.IdempotentRequests;
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
    private final AccessControl access;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final Clock clock;

    private final IdempotentRequests idempotent;

    MessageGroups(JdbcClient jdbc, CurrentUsers users, AccessControl access, StaffDirectory staff, AuditLog audit, Clock clock,
                  IdempotentRequests idempotent) {
        this.idempotent = idempotent;
        this.jdbc = jdbc;
        this.users = users;
        this.access = access;
        this.staff = staff;
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
        requireKeeper(groupId);
        List<UUID> ids = jdbc.sql("select user_id from message_group_member where group_id = ?").param(groupId).query(UUID.class).list();
        return staff.findAll(ids).values().stream().map(MessageGroups::member)
                .sorted(java.util.Comparator.comparing(Member::fullName).thenComparing(Member::username)).toList();
    }

    /** Who answers for the group's unread messages (MSG-6), for its keeper; a unit's group answers to the unit's managers. */
    @Transactional(readOnly = true)
    public java.util.Optional<Member> responsible(UUID groupId) {
        requireKeeper(groupId);
        return jdbc.sql("select responsible_user_id from message_group where id = ? and responsible_user_id is not null").param(groupId)
                .query(UUID.class).optional().flatMap(staff::find).map(MessageGroups::member);
    }

    /** LVS names who answers for a system group's unread messages (MSG-6). */
    @Transactional
    public void setResponsible(UUID groupId, String username) {
        Optional<Kept> group = group(groupId);
        access.require(MessageAction.SET_GROUP_RESPONSIBLE, group.map(g -> Target.NONE));
        if (!"SYSTEM".equals(group.orElseThrow().kind())) {
            throw new InvalidInputException("username", "En enhets grupp har enhetens chefer som ansvariga.");
        }
        UUID user = user(username);
        jdbc.sql("update message_group set responsible_user_id = ? where id = ?").params(user, groupId).update();
        changed(MessageAction.SET_GROUP_RESPONSIBLE);
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
                        rs.getLong(6) > 0, access.has(keeping(new Kept(rs.getString(3), rs.getObject(4, UUID.class))),
                        target(new Kept(rs.getString(3), rs.getObject(4, UUID.class))))))
                .list();
    }

    /** Adds a user to the group; adding a member twice changes nothing. */
    @Transactional
    public void addMember(UUID groupId, String username) {
        MessageAction keeping = requireKeeper(groupId);
        UUID user = user(username);
        jdbc.sql("insert into message_group_member (group_id, user_id, added_by, added_at) values (?, ?, ?, ?) on conflict do nothing")
                .params(groupId, user, users.current().id(), OffsetDateTime.now(clock)).update();
        changed(keeping);
    }

    /** Removes a user from the group; removing a non-member changes nothing. Messages that reached them stay theirs. */
    @Transactional
    public void removeMember(UUID groupId, String username) {
        MessageAction keeping = requireKeeper(groupId);
        UUID user = user(username);
        jdbc.sql("delete from message_group_member where group_id = ? and user_id = ?").params(groupId, user).update();
        changed(keeping);
    }

    /** A group as its keeper sees it, or "Behörighet saknas" alike for someone else and for no such group. */
    @Transactional(readOnly = true)
    public MessageGroupView view(UUID groupId) {
        requireKeeper(groupId);
        return all().stream().filter(g -> g.id().equals(groupId)).findFirst().orElseThrow();
    }

    /** The group's keeper only: a unit's manager for the unit's group, LVS for a system group; audited as denied otherwise. */
    private MessageAction requireKeeper(UUID groupId) {
        Optional<Kept> group = group(groupId);
        MessageAction keeping = group.map(MessageGroups::keeping).orElse(MessageAction.KEEP_UNIT_GROUP);
        access.require(keeping, group.map(MessageGroups::target));
        return keeping;
    }

    private Optional<Kept> group(UUID groupId) {
        return jdbc.sql("select kind, unit_id from message_group where id = ?").param(groupId)
                .query((rs, n) -> new Kept(rs.getString(1), rs.getObject(2, UUID.class))).optional();
    }

    /** A change of who receives: names no person, so recorded here under the action's name. */
    private void changed(MessageAction action) {
        audit.record(users.actor(), new AuditEntry(null, null, action.audited(), action.name(), AuditOutcome.ALLOWED));
    }

    private record Kept(String kind, UUID unitId) {}

    private static MessageAction keeping(Kept group) {
        return "SYSTEM".equals(group.kind()) ? MessageAction.KEEP_SYSTEM_GROUP : MessageAction.KEEP_UNIT_GROUP;
    }

    private static Target target(Kept group) {
        return group.unitId() == null ? Target.NONE : Target.unit(group.unitId());
    }

    private UUID user(String username) {
        if (username == null || username.isBlank()) {
            throw new InvalidInputException("username", "Ange användarnamnet.");
        }
        return staff.findEnabled(username).map(StaffDirectory.StaffView::id)
                .orElseThrow(() -> new InvalidInputException("username", "Det finns ingen aktiv användare med det användarnamnet."));
    }

    private static Member member(StaffDirectory.StaffView view) {
        return new Member(view.username(), view.fullName(), Role.TITLES.getOrDefault(view.role().name(), view.role().name()));
    }

    /**
     * {@link #addMember(UUID, String)} once per idempotency key of the current user (issue 15): the
     * same key and member again change nothing and record nothing more; false for such a repeat.
     */
    @Transactional
    public boolean addMember(String idempotencyKey, UUID groupId, String username) {
        return idempotent.once(users.current().id(), idempotencyKey, "message-group.member", java.util.Arrays.asList(groupId, username),
                () -> {
                    addMember(groupId, username);
                    return groupId;
                }).created();
    }
}
