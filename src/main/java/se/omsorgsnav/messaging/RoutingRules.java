package se.omsorgsnav.messaging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.audit.AuditAction;
import se.omsorgsnav.audit.AuditEntry;
import se.omsorgsnav.audit.AuditLog;
import se.omsorgsnav.audit.AuditOutcome;
import se.omsorgsnav.shared.InvalidInputException;

/**
 * Where each structured type goes (MSG-4): rules are data that LVS, the administrator of the send
 * lists, changes in the browser, not code. A rule routes to system groups (functions such as
 * "Boendesamordnare"), never to one unit. Every change is recorded.
 */
@Component
public class RoutingRules {

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final AccessControl access;
    private final AuditLog audit;

    RoutingRules(JdbcClient jdbc, CurrentUsers users, AccessControl access, AuditLog audit) {
        this.jdbc = jdbc;
        this.users = users;
        this.access = access;
        this.audit = audit;
    }

    /** One structured type and the groups it reaches. */
    public record Rule(MessageType type, String typeTitle, List<UUID> groups) {}

    /** Every structured type with its groups, in the types' order, for LVS; one statement. */
    @Transactional(readOnly = true)
    public List<Rule> all() {
        access.require(MessageAction.ROUTE_MESSAGE_TYPE, Target.NONE);
        Map<MessageType, List<UUID>> groups = new LinkedHashMap<>();
        Arrays.stream(MessageType.values()).filter(t -> t != MessageType.FREE_TEXT).forEach(t -> groups.put(t, new ArrayList<>()));
        jdbc.sql("select message_type, group_id from message_routing_rule order by message_type, group_id")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class))).list()
                .forEach(e -> MessageType.parse(e.getKey()).map(groups::get).ifPresent(list -> list.add(e.getValue())));
        return groups.entrySet().stream().map(e -> new Rule(e.getKey(), e.getKey().title(), List.copyOf(e.getValue()))).toList();
    }

    /** Replaces the groups a type is routed to; LVS only, anyone else is told "Behörighet saknas". */
    @Transactional
    public void route(String typeName, Set<UUID> groupIds) {
        access.require(MessageAction.ROUTE_MESSAGE_TYPE, Target.NONE);
        MessageType type = MessageType.parse(typeName).filter(t -> t != MessageType.FREE_TEXT)
                .orElseThrow(() -> new InvalidInputException("type", "Välj en strukturerad meddelandetyp."));
        if (!groupIds.isEmpty()) {
            long systemGroups = jdbc.sql("select count(*) from message_group where id in (:ids) and kind = 'SYSTEM'").param("ids", groupIds)
                    .query(Long.class).single();
            if (systemGroups != groupIds.size()) {
                throw new InvalidInputException("groups", "En regel kan bara gå till systemets grupper, inte till en enskild enhet.");
            }
        }
        jdbc.sql("delete from message_routing_rule where message_type = ?").param(type.name()).update();
        for (UUID group : groupIds) {
            jdbc.sql("insert into message_routing_rule (message_type, group_id) values (?, ?)").params(type.name(), group).update();
        }
        audit.record(users.actor(), new AuditEntry(null, null, AuditAction.UPDATE, MessageAction.ROUTE_MESSAGE_TYPE.name(), AuditOutcome.ALLOWED));
    }
}
