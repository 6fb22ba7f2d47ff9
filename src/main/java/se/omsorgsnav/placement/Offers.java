package se.omsorgsnav.placement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessDenied;
import se.omsorgsnav.access.CaseDirectory;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.Role;
import se.omsorgsnav.audit.AuditAction;
import se.omsorgsnav.audit.AuditEntry;
import se.omsorgsnav.audit.AuditLog;
import se.omsorgsnav.audit.AuditOutcome;
import se.omsorgsnav.casework.CaseJournal;
import se.omsorgsnav.messaging.Messages;
import se.omsorgsnav.messaging.NewMessage;
import se.omsorgsnav.shared.ConflictException;
import se.omsorgsnav.shared.FreeText;
import se.omsorgsnav.shared.DateInput;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.WorkingDayCalendar;

/**
 * The offer and its answer (PLC-5..PLC-7, seed 003 "Enhetschef" 6-8). The offer-maker records that
 * the offer was made; the person has one day to answer, counted in working days and stored with
 * its rule, and an unanswered offer past it is flagged. Accepted: the move-in is within seven days
 * of the apartment being ready, unless a reason is given; rent runs from the acceptance (or from
 * when the apartment is ready, if later); BOSAM, the coordinators and the fee officers get the
 * move-in message. Declined: the outcome and dates are recorded, the apartment is free to allocate
 * again and the person is back in the queue.
 */
@Component
public class Offers {

    static final String ANSWER_RULE = "Svar inom en arbetsdag efter erbjudandet (rutin 003)";
    static final int MOVE_IN_DAYS = 7;
    static final String CLOSE_SERVICES_RULE = "Övriga insatser avslutas arbetsdagen före inflyttningen (rutin 003)";

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final CaseDirectory cases;
    private final Messages messages;
    private final CaseJournal journal;
    private final Apartments apartments;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Offers(JdbcClient jdbc, CurrentUsers users, CaseDirectory cases, Messages messages, CaseJournal journal, Apartments apartments,
           WorkingDayCalendar calendar, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.cases = cases;
        this.messages = messages;
        this.journal = journal;
        this.apartments = apartments;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    private record Allocation(UUID id, UUID decisionId, UUID apartmentId, UUID homeId, String home, String number, CareProfile profile,
                              BigDecimal rent, String offerMaker, String status, UUID caseId, LocalDate readyOn, int version, LocalDate offeredOn) {}

    /** The offer-maker records that the offer was made (PLC-5). */
    @Transactional
    public void offered(UUID allocationId, String offeredOn) {
        Allocation a = find(allocationId);
        requireOfferMaker(a, "OFFER");
        if (!"ALLOCATED".equals(a.status())) {
            throw new ConflictException("Erbjudandet är redan registrerat.");
        }
        LocalDate on = DateInput.required("offeredOn", "Datum för erbjudandet", offeredOn);
        if (on.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("offeredOn", "Datum för erbjudandet kan inte vara i framtiden.");
        }
        LocalDate due = calendar.nextWorkingDay(on);
        update(a, "update allocation set status = 'OFFERED', offered_on = ?, answer_due_on = ?, answer_due_rule = ?, version = version + 1 "
                + "where id = ? and version = ?", on, due, ANSWER_RULE, a.id(), a.version());
        jdbc.sql("update placement_decision set status = 'OFFERED', version = version + 1 where id = ?").param(a.decisionId()).update();
        audited(a, "OFFER");
        document(a, "Erbjudande om lägenhet " + a.number() + " på " + a.home() + " lämnat " + on + ". Svar senast " + due + " (" + ANSWER_RULE + ").");
    }

    public record Answer(String answer, String answeredOn, String moveInOn, String moveInReason) {}

    /** The person's answer (PLC-6, PLC-7). */
    @Transactional
    public void answered(UUID allocationId, Answer answer) {
        Allocation a = find(allocationId);
        requireOfferMaker(a, "OFFER_ANSWER");
        if (!"OFFERED".equals(a.status())) {
            throw new ConflictException("Erbjudandet är inte registrerat, eller redan besvarat.");
        }
        LocalDate answeredOn = DateInput.required("answeredOn", "Svarsdatum", answer.answeredOn());
        CaseDirectory.CaseFacts facts = cases.find(a.caseId()).orElseThrow();
        if ("DECLINE".equals(answer.answer())) {
            update(a, "update allocation set status = 'DECLINED', answered_on = ?, active_apartment_id = null, active_decision_id = null, "
                    + "version = version + 1 where id = ? and version = ?", answeredOn, a.id(), a.version());
            jdbc.sql("update placement_decision set status = 'QUEUED', version = version + 1 where id = ?").param(a.decisionId()).update();
            messages.send(new NewMessage("declined-" + a.id(), "FREE_TEXT", facts.number().value(),
                    // Not the home or the apartment: the text is shown to every recipient, and they would locate a protected person.
                    "Erbjudandet om lägenhet är besvarat med nej (" + answeredOn + "). Personen står kvar i bostadskön och lägenheten "
                            + "kan tilldelas igen. Erbjudandet lämnades " + a.offeredOn() + ".",
                    facts.number().value(), caseOfficer(a), List.of(Vacancies.BOSAM), Map.of(), null, false));
            audited(a, "OFFER_DECLINED");
            document(a, "Erbjudandet om lägenhet " + a.number() + " på " + a.home() + " besvarat med nej " + answeredOn
                    + ". Personen står kvar i bostadskön.");
            events.publishEvent(new OfferAnswered(a.id(), a.decisionId(), a.caseId(), false, answeredOn, null, null));
            return;
        }
        if (!"ACCEPT".equals(answer.answer())) {
            throw new InvalidInputException("answer", "Ange svaret: ja (ACCEPT) eller nej (DECLINE).");
        }
        LocalDate moveIn = DateInput.required("moveInOn", "Inflyttningsdatum", answer.moveInOn());
        LocalDate ready = a.readyOn() == null || a.readyOn().isBefore(answeredOn) ? answeredOn : a.readyOn();
        String reason = FreeText.optionalLines("moveInReason", "Skäl till senare inflyttning", answer.moveInReason(), 500);
        if (moveIn.isBefore(ready)) {
            throw new InvalidInputException("moveInOn", "Inflyttningen kan inte ske innan lägenheten är klar och erbjudandet besvarat (" + ready + ").");
        }
        if (moveIn.isAfter(ready.plusDays(MOVE_IN_DAYS)) && reason == null) {
            throw new InvalidInputException("moveInReason", "Inflyttning ska ske inom sju dagar (senast " + ready.plusDays(MOVE_IN_DAYS)
                    + "). Ange skälet till ett senare datum.");
        }
        update(a, "update allocation set status = 'ACCEPTED', answered_on = ?, move_in_on = ?, move_in_reason = ?, rent_from = ?, "
                + "close_services_by = ?, close_services_rule = ?, version = version + 1 where id = ? and version = ?", answeredOn, moveIn, reason,
                ready, calendar.previousWorkingDay(moveIn), CLOSE_SERVICES_RULE, a.id(), a.version());
        jdbc.sql("update placement_decision set status = 'ACCEPTED', version = version + 1 where id = ?").param(a.decisionId()).update();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("facility", a.home());
        fields.put("careProfile", a.profile().name());
        fields.put("apartment", a.number());
        fields.put("contractDate", ready.toString());
        fields.put("moveInDate", moveIn.toString());
        fields.put("rent", a.rent() == null ? "0" : a.rent().toPlainString());
        fields.put("invoiceRecipient", "Enligt avgiftsbeslutet");
        fields.put("offeredOn", a.offeredOn().toString());
        fields.put("answeredOn", answeredOn.toString());
        messages.send(new NewMessage("accepted-" + a.id(), "MOVE_IN", facts.number().value(), null, facts.number().value(), caseOfficer(a),
                List.of(Vacancies.BOSAM), fields, null, false));
        audited(a, "OFFER_ACCEPTED");
        document(a, "Erbjudandet om lägenhet " + a.number() + " på " + a.home() + " besvarat med ja " + answeredOn + ". Planerad inflyttning "
                + moveIn + (reason == null ? "" : " (" + reason + ")") + ". Hyran gäller från " + ready + ".");
        events.publishEvent(new OfferAnswered(a.id(), a.decisionId(), a.caseId(), true, answeredOn, moveIn, ready));
    }

    /**
     * Seed 003 "Enhetschef" 10: the home's unit manager offers a home visit before the move-in, when
     * needed; the date is kept on the allocation and in the case's documentation.
     */
    @Transactional
    public void homeVisitOffered(UUID allocationId, String offeredOn) {
        Allocation a = find(allocationId);
        CurrentUser me = users.current();
        if (!me.is(Role.UNIT_MANAGER) || !a.homeId().equals(me.unitId())) {
            audit.recordDenial(users.actor(), new AuditEntry(null, a.caseId(), AuditAction.UPDATE, "HOME_VISIT", AuditOutcome.DENIED));
            throw new AccessDenied();
        }
        if (!"ACCEPTED".equals(a.status())) {
            throw new ConflictException("Hembesök erbjuds när erbjudandet är accepterat och före inflyttningen.");
        }
        LocalDate on = DateInput.required("homeVisitOfferedOn", "Datum då hembesöket erbjöds", offeredOn);
        if (on.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("homeVisitOfferedOn", "Datum då hembesöket erbjöds kan inte vara i framtiden.");
        }
        update(a, "update allocation set home_visit_offered_on = ?, version = version + 1 where id = ? and version = ?", on, a.id(), a.version());
        audited(a, "HOME_VISIT");
        document(a, "Hembesök före inflyttningen erbjudet " + on + ".");
    }

    /** An offer past its answer day, not answered (PLC-5): for the coordinators' work list. */
    public record OverdueOffer(UUID allocationId, String caseNumber, String home, String apartment, LocalDate offeredOn, LocalDate answerDueOn,
                               String rule) {}

    @Transactional(readOnly = true)
    public List<OverdueOffer> overdue() {
        CurrentUser me = users.current();
        if (!me.is(Role.PLACEMENT_COORDINATOR) && !me.is(Role.ADMIN_ASSISTANT) && !me.is(Role.OPERATIONS_LEAD)) {
            throw new AccessDenied();
        }
        return jdbc.sql("""
                        select l.id, c.case_number, u.name, a.number, l.offered_on, l.answer_due_on, l.answer_due_rule
                        from allocation l
                          join placement_decision d on d.id = l.decision_id
                          join care_case c on c.id = d.case_id
                          join apartment a on a.id = l.apartment_id
                          join unit u on u.id = a.unit_id
                        where l.status = 'OFFERED' and l.answer_due_on < ?
                        order by l.answer_due_on, l.id
                        """)
                .param(LocalDate.now(clock))
                .query((rs, n) -> new OverdueOffer(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7)))
                .list();
    }

    /**
     * An allocation as the one who works it sees it: case number only, the person is behind the gate
     * on the case. Whether I am the one to record the offer and answer, or to execute.
     */
    public record WorkedAllocation(UUID id, String caseNumber, String home, String apartment, String status, String offerMaker, LocalDate offeredOn,
                                   LocalDate answerDueOn, boolean overdue, LocalDate moveInOn, LocalDate rentFrom, LocalDate homeVisitOfferedOn, boolean mayOffer,
                                   boolean mayExecute, boolean mayOfferHomeVisit) {}

    /**
     * The allocations I work: for a home's unit manager and admin assistants, the home's allocations
     * still to be offered, answered or executed; for a coordinator or case officer, the offers they
     * were agreed to make for a protected person (PLC-11) until answered. One statement.
     */
    @Transactional(readOnly = true)
    public List<WorkedAllocation> mine() {
        CurrentUser me = users.current();
        boolean homeStaff = (me.is(Role.UNIT_MANAGER) || me.is(Role.ADMIN_ASSISTANT)) && apartments.isNursingHome(me.unitId());
        String where;
        List<Object> params;
        if (homeStaff) {
            where = "a.unit_id = ? and (l.status in ('ALLOCATED', 'OFFERED') or (l.status = 'ACCEPTED' and d.status = 'ACCEPTED'))";
            params = List.of(me.unitId());
        } else if (me.is(Role.PLACEMENT_COORDINATOR)) {
            where = "l.offer_maker = 'COORDINATOR' and l.status in ('ALLOCATED', 'OFFERED')";
            params = List.of();
        } else if (me.is(Role.CASE_OFFICER) || me.is(Role.SENIOR_CASE_OFFICER)) {
            where = "l.offer_maker = 'CASE_OFFICER' and l.status in ('ALLOCATED', 'OFFERED') and c.case_officer_id = ?";
            params = List.of(me.id());
        } else {
            throw new AccessDenied();
        }
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                        select l.id, c.case_number, u.name, a.number, l.status, l.offer_maker, l.offered_on, l.answer_due_on, l.move_in_on,
                               l.home_visit_offered_on, l.rent_from
                        from allocation l
                          join apartment a on a.id = l.apartment_id
                          join unit u on u.id = a.unit_id
                          join placement_decision d on d.id = l.decision_id
                          join care_case c on c.id = d.case_id
                        where\s""" + where + " order by l.allocated_at, l.id")
                .params(params)
                .query((rs, n) -> {
                    String status = rs.getString(5);
                    String maker = rs.getString(6);
                    LocalDate due = rs.getObject(8, LocalDate.class);
                    boolean offering = List.of("ALLOCATED", "OFFERED").contains(status);
                    boolean mayOffer = offering && switch (maker) {
                        case "UNIT_MANAGER" -> homeStaff && me.is(Role.UNIT_MANAGER);
                        case "COORDINATOR" -> me.is(Role.PLACEMENT_COORDINATOR);
                        default -> me.is(Role.CASE_OFFICER) || me.is(Role.SENIOR_CASE_OFFICER);
                    };
                    return new WorkedAllocation(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), status, maker,
                            rs.getObject(7, LocalDate.class), due, "OFFERED".equals(status) && due != null && today.isAfter(due),
                            rs.getObject(9, LocalDate.class), rs.getObject(11, LocalDate.class), rs.getObject(10, LocalDate.class), mayOffer,
                            "ACCEPTED".equals(status) && homeStaff && me.is(Role.ADMIN_ASSISTANT),
                            "ACCEPTED".equals(status) && homeStaff && me.is(Role.UNIT_MANAGER));
                })
                .list();
    }

    private Allocation find(UUID id) {
        return jdbc.sql("""
                        select l.id, l.decision_id, l.apartment_id, a.unit_id, u.name, a.number, a.care_profile, a.monthly_rent, l.offer_maker, l.status,
                               d.case_id,
                               (select max(v.ready_on) from vacancy v where v.apartment_id = a.id) as ready_on, l.version, l.offered_on
                        from allocation l
                          join apartment a on a.id = l.apartment_id
                          join unit u on u.id = a.unit_id
                          join placement_decision d on d.id = l.decision_id
                        where l.id = ?
                        """)
                .param(id)
                .query((rs, n) -> new Allocation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), CareProfile.valueOf(rs.getString(7)), rs.getBigDecimal(8),
                        rs.getString(9), rs.getString(10), rs.getObject(11, UUID.class), rs.getObject(12, LocalDate.class), rs.getInt(13),
                        rs.getObject(14, LocalDate.class)))
                .optional().orElseThrow(AccessDenied::new);
    }

    /** The agreed offer-maker: the home's unit manager, or for a protected person the coordinators or the case's officer (PLC-11). */
    private void requireOfferMaker(Allocation a, String purpose) {
        CurrentUser me = users.current();
        boolean allowed = switch (a.offerMaker()) {
            case "UNIT_MANAGER" -> me.is(Role.UNIT_MANAGER) && a.homeId().equals(me.unitId());
            case "COORDINATOR" -> me.is(Role.PLACEMENT_COORDINATOR);
            case "CASE_OFFICER" -> (me.is(Role.CASE_OFFICER) || me.is(Role.SENIOR_CASE_OFFICER))
                    && jdbc.sql("select count(*) from care_case where id = ? and case_officer_id = ?").params(a.caseId(), me.id())
                            .query(Long.class).single() > 0;
            default -> false;
        };
        if (!allowed) {
            audit.recordDenial(users.actor(), new AuditEntry(null, a.caseId(), AuditAction.UPDATE, purpose, AuditOutcome.DENIED));
            throw new AccessDenied();
        }
    }

    /** Seed 003 "Ansvarig biståndshandläggare" 3: the answer reaches the case's officer too, who tells the staff concerned. */
    private List<String> caseOfficer(Allocation a) {
        return jdbc.sql("select u.username from care_case c join app_user u on u.id = c.case_officer_id where c.id = ? and u.enabled = true").param(a.caseId())
                .query(String.class).list();
    }

    private void update(Allocation a, String sql, Object... params) {
        if (jdbc.sql(sql).params(params).update() != 1) {
            throw new ConflictException("Någon annan har hunnit ändra erbjudandet. Ladda om sidan.");
        }
    }

    /** Seed 003 "Enhetschef" 9: the offer, the answer and the planned move-in go into the case's social documentation. */
    private void document(Allocation a, String text) {
        journal.write(a.caseId(), cases.find(a.caseId()).orElseThrow().personId(), text);
    }

    private void audited(Allocation a, String purpose) {
        CaseDirectory.CaseFacts facts = cases.find(a.caseId()).orElseThrow();
        audit.record(users.actor(), new AuditEntry(facts.personId(), facts.caseId(), AuditAction.UPDATE, purpose, AuditOutcome.ALLOWED));
    }

}
