package se.omsorgsnav.placement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.CaseDirectory;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.casework.CaseJournal;
import se.omsorgsnav.shared.DateInput;
import se.omsorgsnav.shared.FreeText;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.PersonalIdentityNumber;

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
    private final AccessControl access;
    private final CaseDirectory cases;
    private final ListedCases listed;
    private final CaseJournal journal;
    private final Clock clock;

    Tenancies(JdbcClient jdbc, Apartments apartments, AccessControl access, CaseDirectory cases, ListedCases listed, CaseJournal journal,
              Clock clock) {
        this.jdbc = jdbc;
        this.apartments = apartments;
        this.access = access;
        this.cases = cases;
        this.listed = listed;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * My home's current tenants, by apartment; the deceased first. One statement, and the constant
     * few of the case directory, the authorisations and the audit. A protected tenant, to staff
     * without an authorisation for her case, is her apartment and case number (and the report the
     * home owes after her death) — no move-in date, no welcome conversation (issue 14 §2).
     */
    @Transactional
    public List<Tenant> ofMyHome() {
        UUID home = apartments.requireHomeManager(PlacementAction.MANAGE_HOME);
        LocalDate today = LocalDate.now(clock);
        record Row(UUID id, UUID apartmentId, String number, UUID caseId, LocalDate movedInOn, LocalDate diedOn, LocalDate dueOn, String rule,
                   LocalDate talkOn, String talkWith) {}
        List<Row> rows = jdbc.sql("""
                        select t.id, t.apartment_id, a.number, t.case_id, t.moved_in_on, t.died_on, t.report_due_on, t.report_due_rule,
                               t.welcome_talk_on, t.welcome_talk_with
                        from tenancy t
                          join apartment a on a.id = t.apartment_id
                        where a.unit_id = ? and t.ended_on is null
                        order by case when t.died_on is null then 1 else 0 end, length(a.number), a.number
                        """)
                .param(home)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8),
                        rs.getObject(9, LocalDate.class), rs.getString(10)))
                .list();
        ListedCases.Listed shown = listed.list(rows.stream().map(Row::caseId).toList(), PlacementAction.MANAGE_HOME);
        return rows.stream().filter(r -> shown.number(r.caseId()) != null).map(r -> {
            boolean open = shown.shows(r.caseId());
            return new Tenant(r.id(), r.apartmentId(), r.number(), shown.number(r.caseId()), open ? r.movedInOn() : null, r.diedOn(), r.dueOn(),
                    r.rule(), r.dueOn() != null && today.isAfter(r.dueOn()), open ? r.talkOn() : null, open ? r.talkWith() : null, !open);
        }).toList();
    }

    /**
     * Seed 003 "Enhetschef" 11: after the move-in the unit manager holds a welcome conversation with
     * the tenant, relatives, the contact person and the nurse; when and with whom is kept on the
     * tenancy and in the case's documentation.
     */
    @Transactional
    public void welcomeTalk(UUID tenancyId, String heldOn, String with) {
        UUID home = apartments.requireHomeManager(PlacementAction.MANAGE_HOME);
        record Current(UUID caseId, UUID personId, LocalDate movedInOn) {}
        Current t = tenancyId == null ? null : jdbc.sql("""
                        select t.case_id, t.person_id, t.moved_in_on from tenancy t join apartment a on a.id = t.apartment_id
                        where t.id = ? and a.unit_id = ? and t.ended_on is null
                        """)
                .params(tenancyId, home)
                .query((rs, n) -> new Current(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class)))
                .optional().orElse(null);
        if (t == null) {
            throw new InvalidInputException("tenancyId", "Välj en av boendets hyresgäster.");
        }
        // A protected tenant's conversation is written about her: only with an authorisation for her case (audited either way).
        access.require(PlacementAction.RECORD_WELCOME_TALK, cases.find(t.caseId()).map(f -> Target.ofCase(f).withUnit(home)));
        LocalDate on = DateInput.required("welcomeTalkOn", "Datum för välkomstsamtalet", heldOn);
        if (on.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("welcomeTalkOn", "Välkomstsamtalet registreras när det är hållet.");
        }
        if (on.isBefore(t.movedInOn())) {
            throw new InvalidInputException("welcomeTalkOn", "Välkomstsamtalet hålls efter inflyttningen " + t.movedInOn() + ".");
        }
        String participants = FreeText.optional("welcomeTalkWith", "Vilka deltog", with, 200);
        if (participants != null && PersonalIdentityNumber.appearsIn(participants)) {
            throw new InvalidInputException("welcomeTalkWith", "Skriv aldrig personnummer här: personen visas genom ärendet.");
        }
        jdbc.sql("update tenancy set welcome_talk_on = ?, welcome_talk_with = ? where id = ?").params(on, participants, tenancyId).update();
        journal.write(t.caseId(), t.personId(), "Välkomstsamtal hållet " + on + (participants == null ? "" : " med " + participants) + ".");
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
