package se.omsorgsnav.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every unit has its message group (MSG-2). The migration made them for the units that existed
 * then; a unit added since gets its group when a node starts. Two nodes starting at once may both
 * try: the group's id is the unit's, so the second insert fails on the key and changes nothing.
 */
@Component
class UnitGroups {

    static final String CREATE_MISSING = """
            insert into message_group (id, name, kind, unit_id)
            select u.id, u.name, 'UNIT', u.id from unit u
            where not exists (select 1 from message_group g where g.unit_id = u.id)
            """;

    private static final Logger log = LoggerFactory.getLogger(UnitGroups.class);

    private final JdbcClient jdbc;

    UnitGroups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createMissing() {
        try {
            int created = jdbc.sql(CREATE_MISSING).update();
            if (created > 0) {
                log.info("Message groups created for {} new units", created);
            }
        } catch (DuplicateKeyException e) {
            log.info("Message groups for new units were created by another node");
        }
    }
}
