package se.omsorgsnav.placement;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.omsorgsnav.shared.ConflictException;

/**
 * The decision's status and version, the one place its status changes: each move is allowed by
 * {@link DecisionStatus#to} and written only over the version it was read at, so that two users
 * (or a user and the register's death event) can never overwrite each other unseen (409).
 */
@Component
class PlacementDecisions {

    static final String CHANGED = "Någon annan har hunnit ändra beslutet. Ladda om sidan.";

    private final JdbcClient jdbc;

    PlacementDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A decision as its status machine needs it. */
    record Current(UUID id, UUID caseId, UUID personId, DecisionStatus status, int version) {}

    Optional<Current> find(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("select id, case_id, person_id, status, version from placement_decision where id = ?").param(id)
                .query((rs, n) -> new Current(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        DecisionStatus.valueOf(rs.getString(4)), rs.getInt(5)))
                .optional();
    }

    /** Moves the decision to {@code to}, setting the other columns given ({@code "executed_on = ?, …"}), over its version. */
    void move(Current d, DecisionStatus to, String alsoSet, Object... params) {
        d.status().to(to);
        Object[] all = new Object[params.length + 3];
        all[0] = to.name();
        System.arraycopy(params, 0, all, 1, params.length);
        all[params.length + 1] = d.id();
        all[params.length + 2] = d.version();
        String set = alsoSet == null || alsoSet.isBlank() ? "" : ", " + alsoSet;
        int updated = jdbc.sql("update placement_decision set status = ?" + set + ", version = version + 1 where id = ? and version = ?")
                .params(all).update();
        if (updated != 1) {
            throw new ConflictException(CHANGED);
        }
    }

    void move(Current d, DecisionStatus to) {
        move(d, to, null);
    }

    /** A change that keeps the status (a relocation wish), over the version it was read at. */
    void change(Current d, String set, Object... params) {
        Object[] all = new Object[params.length + 2];
        System.arraycopy(params, 0, all, 0, params.length);
        all[params.length] = d.id();
        all[params.length + 1] = d.version();
        if (jdbc.sql("update placement_decision set " + set + ", version = version + 1 where id = ? and version = ?").params(all).update() != 1) {
            throw new ConflictException(CHANGED);
        }
    }
}
