package se.omsorgsnav.placement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.shared.InvalidInputException;

/**
 * Who lives in the home's apartments: a tenancy starts when the decision is executed (seed 003
 * "Boendesamordning assistent" 8) and ends with the home's vacancy report for the apartment. The
 * home sees its tenants by case number, and a tenant whose death the register recorded as a task:
 * report the apartment by the next working day after the death.
 */
@Component
public class Tenancies {

    private final JdbcClient jdbc;
    private final Apartments apartments;
    private final Clock clock;

    Tenancies(JdbcClient jdbc, Apartments apartments, Clock clock) {
        this.jdbc = jdbc;
        this.apartments = apartments;
        this.clock = clock;
    }

    /** My home's current tenants, by apartment; the deceased first. One statement. */
    @Transactional(readOnly = true)
    public List<Tenant> ofMyHome() {
        UUID home = apartments.requireHomeManager("TENANTS");
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                        select t.apartment_id, a.number, c.case_number, t.moved_in_on, t.died_on, t.report_due_on, t.report_due_rule
                        from tenancy t
                          join apartment a on a.id = t.apartment_id
                          join care_case c on c.id = t.case_id
                        where a.unit_id = ? and t.ended_on is null
                        order by case when t.died_on is null then 1 else 0 end, length(a.number), a.number
                        """)
                .param(home)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject(6, LocalDate.class);
                    return new Tenant(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                            rs.getObject(5, LocalDate.class), due, rs.getString(7), due != null && today.isAfter(due));
                })
                .list();
    }

    /**
     * A death or move-out ends the tenancy of the reported case in the apartment. When the apartment
     * has tenants on record the case must be one of them: the message names the person by that case.
     */
    void end(UUID apartmentId, UUID caseId, LocalDate on, UUID vacancyId) {
        long current = jdbc.sql("select count(*) from tenancy where apartment_id = ? and ended_on is null").param(apartmentId).query(Long.class).single();
        if (current == 0) {
            return;
        }
        int ended = jdbc.sql("update tenancy set ended_on = ?, vacancy_id = ? where apartment_id = ? and case_id = ? and ended_on is null")
                .params(on, vacancyId, apartmentId, caseId).update();
        if (ended == 0) {
            throw new InvalidInputException("caseNumber", "Ärendet hör inte till någon som bor i lägenheten. Kontrollera ärendenumret.");
        }
    }
}
