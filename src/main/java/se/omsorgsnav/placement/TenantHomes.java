package se.omsorgsnav.placement;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.omsorgsnav.person.ServingUnits;

/**
 * The nursing home that serves a tenant (PROT-13): its staff are the ones who use her agreed alias
 * on the door, the folder and the schedule (002 §7.5), so the gate shows them the alias of a
 * tenant locked to them. A tenancy that has ended serves no more. One query for a whole list.
 */
@Component
class TenantHomes implements ServingUnits {

    private final JdbcClient jdbc;

    TenantHomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, Set<UUID>> servingUnitsOf(Collection<UUID> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Set<UUID>> served = new HashMap<>();
        jdbc.sql("""
                        select t.person_id, a.unit_id
                        from tenancy t join apartment a on a.id = t.apartment_id
                        where t.person_id in (:persons) and t.ended_on is null
                        """)
                .param("persons", personIds)
                .query((rs, n) -> {
                    served.computeIfAbsent(rs.getObject(1, UUID.class), id -> new HashSet<>()).add(rs.getObject(2, UUID.class));
                    return null;
                })
                .list();
        return served;
    }
}
