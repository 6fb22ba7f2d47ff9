package se.omsorgsnav.messaging;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.omsorgsnav.access.StaffDirectory;

/**
 * Every unit has its message group (MSG-2). The migration made them for the units that existed
 * then; a unit added since gets its group when a node starts. Two nodes starting at once may both
 * try: the group's id is the unit's, so the second insert fails on the key and changes nothing.
 */
@Component
class UnitGroups {

    static final String CREATE = "insert into message_group (id, name, kind, unit_id) values (?, ?, 'UNIT', ?) on conflict do nothing";

    private static final Logger log = LoggerFactory.getLogger(UnitGroups.class);

    private final JdbcClient jdbc;
    private final StaffDirectory staff;

    UnitGroups(JdbcClient jdbc, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.staff = staff;
    }

    /** The units come from access's directory (messaging reads no table of access's); the groups are ours. */
    @EventListener(ApplicationReadyEvent.class)
    void createMissing() {
        Set<UUID> grouped = new HashSet<>(jdbc.sql("select unit_id from message_group where unit_id is not null").query(UUID.class).list());
        try {
            int created = 0;
            for (StaffDirectory.UnitView unit : staff.units()) {
                if (!grouped.contains(unit.id())) {
                    created += jdbc.sql(CREATE).params(unit.id(), unit.name(), unit.id()).update();
                }
            }
            if (created > 0) {
                log.info("Message groups created for {} new units", created);
            }
        } catch (DuplicateKeyException e) {
            log.info("Message groups for new units were created by another node");
        }
    }
}
