package se.omsorgsnav.placement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.CaseDirectory;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.StaffDirectory;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.casework.CaseJournal;
import se.omsorgsnav.messaging.Messages;
import se.omsorgsnav.messaging.NewMessage;
import se.omsorgsnav.shared.ConflictException;
import se.omsorgsnav.shared.DateInput;
import se.omsorgsnav.shared.FreeText;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.WorkingDayCalendar;

/**
 * The offer and its answer (PLC-5..PLC-7, seed 003 "Enhetschef" 6-8). The agreed offer maker
 * records that the offer was made — for a protected person only with a valid authorisation for
 * her case, checked then ({@link PlacementAction#RECORD_OFFER}); the person has one day to answer,
 * counted in working days and stored with its rule, and an unanswered offer past it is flagged.
 * Accepted: the move-in is within seven days of the apartment being ready, unless a reason is
 * given; rent runs from the acceptance (or from when the apartment is ready, if later); BOSAM, the
 * coordinators and the fee officers get the move-in message. Declined: the outcome and dates are
 * recorded, the apartment is free to allocate again and the person is back in the queue. Every
 * list shows a protected person's placement only to whoever holds an authorisation for the case
 * ({@link PlacementAction#SEE_PLACEMENT}); each listed row is audited.
 */
@Component
public class Offers {

    static final String ANSWER_RULE = "Svar inom en arbetsdag efter erbjudandet (rutin 003)";
    static final int MOVE_IN_DAYS = 7;
    static final String CLOSE_SERVICES_RULE = "Övriga insatser avslutas arbetsdagen före inflyttningen (rutin 003)";
    static final String CHANGED = "Någon annan har hunnit ändra erbjudandet. Ladda om sidan.";

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final AccessControl access;
    private final CaseDirectory cases;
    private final ListedCases listed;
    private final StaffDirectory staff;
    private final PlacementDecisions decisions;
    private final Messages messages;
    private final CaseJournal journal;
    private final Apartments apartments;
    private final WorkingDayCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Offers(JdbcClient jdbc, CurrentUsers users, AccessControl access, CaseDirectory cases, ListedCases listed, StaffDirectory staff,
           PlacementDecisions decisions, Messages messages, CaseJournal journal, Apartments apartments, WorkingDayCalendar calendar,
           ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.access = access;
        this.cases = cases;
        this.listed = listed;
        this.staff = staff;
        this.decisions = decisions;
        this.messages = messages;
        this.journal = journal;
        this.apartments = apartments;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    private record Allocation(UUID id, UUID decisionId, UUID apartmentId, UUID homeId, String number, CareProfile profile, BigDecimal rent,
                              OfferMaker offerMaker, AllocationStatus status, UUID caseId, LocalDate readyOn, int version, LocalDate offeredOn) {}

    /** An allocation with the facts its rules decide on: the case (today's lock, its officer), the home, the agreed maker. */
    private record Found(Allocation allocation, CaseDirectory.CaseFacts facts, String home) {

        Target target() {
            return Target.ofCase(facts).withUnit(allocation.homeId()).withAgreedMaker(allocation.offerMaker().role());
        }
    }

    /** The offer-maker records that the offer was made (PLC-5). */
    @Transactional
    public void offered(UUID allocationId, String offeredOn) {
        Optional<Found> found = find(allocationId);
        access.require(PlacementAction.RECORD_OFFER, found.map(Found::target));
        Allocation a = found.get().allocation();
        a.status().to(AllocationStatus.OFFERED, "Erbjudandet är redan registrerat.");
        LocalDate on = DateInput.required("offeredOn", "Datum för erbjudandet", offeredOn);
        if (on.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("offeredOn", "Datum för erbjudandet kan inte vara i framtiden.");
        }
        LocalDate due = calendar.nextWorkingDay(on);
        update(a, "update allocation set status = 'OFFERED', offered_on = ?, answer_due_on = ?, answer_due_rule = ?, version = version + 1 "
                + "where id = ? and version = ?", on, due, ANSWER_RULE, a.id(), a.version());
        decisions.move(decision(a), DecisionStatus.OFFERED);
        document(found.get(), "Erbjudande om " + where(found.get()) + " lämnat " + on + ". Svar senast " + due + " (" + ANSWER_RULE + ").");
    }

    public record Answer(String answer, String answeredOn, String moveInOn, String moveInReason) {}

    /** The person's answer (PLC-6, PLC-7). */
    @Transactional
    public void answered(UUID allocationId, Answer answer) {
        Optional<Found> found = find(allocationId);
        access.require(PlacementAction.RECORD_ANSWER, found.map(Found::target));
        Found f = found.get();
        Allocation a = f.allocation();
        if (!a.status().canMoveTo(AllocationStatus.ACCEPTED)) {
            throw new ConflictException("Erbjudandet är inte registrerat, eller redan besvarat.");
        }
        LocalDate answeredOn = DateInput.required("answeredOn", "Svarsdatum", answer.answeredOn());
        CaseDirectory.CaseFacts facts = f.facts();
        if ("DECLINE".equals(answer.answer())) {
            a.status().to(AllocationStatus.DECLINED, "Erbjudandet är inte registrerat, eller redan besvarat.");
            update(a, "update allocation set status = 'DECLINED', answered_on = ?, active_apartment_id = null, active_decision_id = null, "
                    + "version = version + 1 where id = ? and version = ?", answeredOn, a.id(), a.version());
            decisions.move(decision(a), DecisionStatus.QUEUED);
            messages.send(new NewMessage("declined-" + a.id(), "FREE_TEXT", facts.number().value(),
                    // Not the home or the apartment: the text is shown to every recipient, and they would locate a protected person.
                    "Erbjudandet om lägenhet är besvarat med nej (" + answeredOn + "). Personen står kvar i bostadskön och lägenheten "
                            + "kan tilldelas igen. Erbjudandet lämnades " + a.offeredOn() + ".",
                    facts.number().value(), caseOfficer(facts), List.of(Vacancies.BOSAM), Map.of(), null, false));
            document(f, "Erbjudandet om " + where(f) + " besvarat med nej " + answeredOn + ". Personen står kvar i bostadskön.");
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
        decisions.move(decision(a), DecisionStatus.ACCEPTED);
        // Field names as messaging knows them: it withholds the place from recipients to whom the person is masked (issue 14 §2).
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("facility", f.home());
        fields.put("careProfile", a.profile().name());
        fields.put("apartment", a.number());
        fields.put("contractDate", ready.toString());
        fields.put("moveInDate", moveIn.toString());
        fields.put("rent", a.rent() == null ? "0" : a.rent().toPlainString());
        fields.put("invoiceRecipient", "Enligt avgiftsbeslutet");
        fields.put("offeredOn", a.offeredOn().toString());
        fields.put("answeredOn", answeredOn.toString());
        messages.send(new NewMessage("accepted-" + a.id(), "MOVE_IN", facts.number().value(), null, facts.number().value(), caseOfficer(facts),
                List.of(Vacancies.BOSAM), fields, null, false));
        document(f, "Erbjudandet om " + where(f) + " besvarat med ja " + answeredOn + ". Planerad inflyttning "
                + moveIn + (reason == null ? "" : " (" + reason + ")") + ". Hyran gäller från " + ready + ".");
        events.publishEvent(new OfferAnswered(a.id(), a.decisionId(), a.caseId(), true, answeredOn, moveIn, ready));
    }

    /**
     * Seed 003 "Enhetschef" 10: the home's unit manager offers a home visit before the move-in, when
     * needed; the date is kept on the allocation and in the case's documentation.
     */
    @Transactional
    public void homeVisitOffered(UUID allocationId, String offeredOn) {
        Optional<Found> found = find(allocationId);
        access.require(PlacementAction.RECORD_HOME_VISIT, found.map(Found::target));
        Allocation a = found.get().allocation();
        if (a.status() != AllocationStatus.ACCEPTED) {
            throw new ConflictException("Hembesök erbjuds när erbjudandet är accepterat och före inflyttningen.");
        }
        LocalDate on = DateInput.required("homeVisitOfferedOn", "Datum då hembesöket erbjöds", offeredOn);
        if (on.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("homeVisitOfferedOn", "Datum då hembesöket erbjöds kan inte vara i framtiden.");
        }
        update(a, "update allocation set home_visit_offered_on = ?, version = version + 1 where id = ? and version = ?", on, a.id(), a.version());
        document(found.get(), "Hembesök före inflyttningen erbjudet " + on + ".");
    }

    /**
     * An offer past its answer day, not answered (PLC-5): for the coordinators' work list. A
     * protected person's row, for a reader without an authorisation for her case, holds the case
     * number and the answer day only ({@code masked}): no home, apartment or offer date.
     */
    public record OverdueOffer(UUID allocationId, String caseNumber, String home, String apartment, LocalDate offeredOn, LocalDate answerDueOn,
                               String rule, boolean masked) {}

    /** One statement for the list, and the constant few of the case directory, the authorisations, the homes and the audit. */
    @Transactional
    public List<OverdueOffer> overdue() {
        access.require(PlacementAction.VIEW_OVERDUE_OFFERS, Target.NONE);
        record Row(UUID id, UUID caseId, UUID homeId, String apartment, LocalDate offeredOn, LocalDate dueOn, String rule) {}
        List<Row> rows = jdbc.sql("""
                        select l.id, d.case_id, a.unit_id, a.number, l.offered_on, l.answer_due_on, l.answer_due_rule
                        from allocation l
                          join placement_decision d on d.id = l.decision_id
                          join apartment a on a.id = l.apartment_id
                        where l.status = 'OFFERED' and l.answer_due_on < ?
                        order by l.answer_due_on, l.id
                        """)
                .param(LocalDate.now(clock))
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7)))
                .list();
        ListedCases.Listed shown = listed.list(rows.stream().map(Row::caseId).toList(), PlacementAction.VIEW_OVERDUE_OFFERS);
        Map<UUID, StaffDirectory.UnitView> homes = staff.unitsById(rows.stream().map(Row::homeId).distinct().toList());
        List<OverdueOffer> overdue = new ArrayList<>();
        for (Row r : rows) {
            String number = shown.number(r.caseId());
            if (number == null) {
                continue;
            }
            boolean open = shown.shows(r.caseId());
            overdue.add(new OverdueOffer(r.id(), number, open ? name(homes, r.homeId()) : null, open ? r.apartment() : null,
                    open ? r.offeredOn() : null, r.dueOn(), r.rule(), !open));
        }
        return overdue;
    }

    /**
     * An allocation as the one who works it sees it: case number only, the person is behind the gate
     * on the case. Whether I am the one to record the offer and answer, or to execute. A protected
     * person's row without an authorisation for her case is {@code masked}: the home's staff see
     * that their apartment is taken under the case number (no dates, no status), anyone else only
     * the case number.
     */
    public record WorkedAllocation(UUID id, String caseNumber, String home, String apartment, AllocationStatus status, OfferMaker offerMaker,
                                   LocalDate offeredOn, LocalDate answerDueOn, boolean overdue, LocalDate moveInOn, LocalDate rentFrom,
                                   LocalDate homeVisitOfferedOn, boolean mayOffer, boolean mayExecute, boolean mayOfferHomeVisit, boolean masked) {}

    /**
     * The allocations I work: for a home's unit manager and admin assistants, the home's allocations
     * still to be offered, answered or executed; for a coordinator or case officer, the offers they
     * were agreed to make for a protected person (PLC-11) until answered. One statement for the list
     * and the constant few of the case directory, the homes, the authorisations and the audit.
     */
    @Transactional
    public List<WorkedAllocation> mine() {
        CurrentUser me = users.current();
        UUID myHome = apartments.isNursingHome(me.unitId()) ? me.unitId() : null;
        boolean homeStaff = access.has(PlacementAction.WORK_HOME_ALLOCATIONS, Target.unit(myHome));
        if (!homeStaff) {
            access.require(PlacementAction.WORK_AGREED_OFFERS, Target.NONE);
        }
        record Row(UUID id, UUID caseId, UUID homeId, String apartment, AllocationStatus status, OfferMaker maker, LocalDate offeredOn,
                   LocalDate dueOn, LocalDate moveInOn, LocalDate homeVisitOn, LocalDate rentFrom) {}
        String where = homeStaff
                ? "a.unit_id = :home and (l.status in ('ALLOCATED', 'OFFERED') or (l.status = 'ACCEPTED' and d.status = 'ACCEPTED'))"
                // The agreed offers of the whole municipality (few: protected persons'); which are mine the rule decides below.
                : "l.offer_maker in ('COORDINATOR', 'CASE_OFFICER') and l.status in ('ALLOCATED', 'OFFERED')";
        var statement = jdbc.sql("""
                        select l.id, d.case_id, a.unit_id, a.number, l.status, l.offer_maker, l.offered_on, l.answer_due_on, l.move_in_on,
                               l.home_visit_offered_on, l.rent_from
                        from allocation l
                          join apartment a on a.id = l.apartment_id
                          join placement_decision d on d.id = l.decision_id
                        where\s""" + where + " order by l.allocated_at, l.id");
        if (homeStaff) {
            statement = statement.param("home", myHome);
        }
        List<Row> rows = statement.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), AllocationStatus.valueOf(rs.getString(5)), OfferMaker.valueOf(rs.getString(6)),
                        rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
                        rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class)))
                .list();
        Map<UUID, CaseDirectory.CaseFacts> facts = listed.facts(rows.stream().map(Row::caseId).toList());
        Map<UUID, Target> targets = new LinkedHashMap<>();
        for (Row r : rows) {
            CaseDirectory.CaseFacts f = facts.get(r.caseId());
            if (f != null) {
                targets.put(r.id(), Target.ofCase(f).withUnit(r.homeId()).withAgreedMaker(r.maker().role()));
            }
        }
        if (!homeStaff) {
            // Only the offers I am the agreed maker of.
            Map<Target, Boolean> mine = access.decideAll(PlacementAction.AGREED_OFFER, List.copyOf(targets.values()));
            targets.values().removeIf(t -> !mine.get(t));
        }
        Map<UUID, CaseDirectory.CaseFacts> listedFacts = new LinkedHashMap<>();
        rows.stream().filter(r -> targets.containsKey(r.id())).forEach(r -> listedFacts.put(r.caseId(), facts.get(r.caseId())));
        ListedCases.Listed shown = listed.decided(listedFacts, homeStaff ? PlacementAction.WORK_HOME_ALLOCATIONS : PlacementAction.WORK_AGREED_OFFERS);
        List<Target> all = List.copyOf(targets.values());
        Map<Target, Boolean> mayOffer = access.decideAll(PlacementAction.RECORD_OFFER, all);
        Map<Target, Boolean> mayExecute = access.decideAll(PlacementAction.EXECUTE_DECISION, all);
        Map<Target, Boolean> mayVisit = access.decideAll(PlacementAction.RECORD_HOME_VISIT, all);
        Map<UUID, StaffDirectory.UnitView> homes = staff.unitsById(rows.stream().map(Row::homeId).distinct().toList());
        LocalDate today = LocalDate.now(clock);
        List<WorkedAllocation> worked = new ArrayList<>();
        for (Row r : rows) {
            Target t = targets.get(r.id());
            if (t == null) {
                continue;
            }
            String number = shown.number(r.caseId());
            if (!shown.shows(r.caseId())) {
                // Issue 14 §2: the home's staff see their apartment taken under a case number; anyone else the case number only.
                worked.add(new WorkedAllocation(r.id(), number, homeStaff ? name(homes, r.homeId()) : null, homeStaff ? r.apartment() : null, null,
                        null, null, null, false, null, null, null, false, false, false, true));
                continue;
            }
            boolean offering = AllocationStatus.OFFERING.contains(r.status());
            boolean accepted = r.status() == AllocationStatus.ACCEPTED;
            worked.add(new WorkedAllocation(r.id(), number, name(homes, r.homeId()), r.apartment(), r.status(), r.maker(), r.offeredOn(), r.dueOn(),
                    r.status() == AllocationStatus.OFFERED && r.dueOn() != null && today.isAfter(r.dueOn()), r.moveInOn(), r.rentFrom(),
                    r.homeVisitOn(), offering && mayOffer.get(t), accepted && homeStaff && mayExecute.get(t), accepted && homeStaff && mayVisit.get(t),
                    false));
        }
        return worked;
    }

    private static String name(Map<UUID, StaffDirectory.UnitView> homes, UUID home) {
        StaffDirectory.UnitView unit = homes.get(home);
        return unit == null ? null : unit.name();
    }

    /** The allocation and its facts, or empty: a missing one is refused exactly like a forbidden one (PROT-24). */
    private Optional<Found> find(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        Optional<Allocation> allocation = jdbc.sql("""
                        select l.id, l.decision_id, l.apartment_id, a.unit_id, a.number, a.care_profile, a.monthly_rent, l.offer_maker, l.status,
                               d.case_id,
                               (select max(v.ready_on) from vacancy v where v.apartment_id = a.id) as ready_on, l.version, l.offered_on
                        from allocation l
                          join apartment a on a.id = l.apartment_id
                          join placement_decision d on d.id = l.decision_id
                        where l.id = ?
                        """)
                .param(id)
                .query((rs, n) -> new Allocation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getString(5), CareProfile.valueOf(rs.getString(6)), rs.getBigDecimal(7),
                        OfferMaker.valueOf(rs.getString(8)), AllocationStatus.valueOf(rs.getString(9)), rs.getObject(10, UUID.class),
                        rs.getObject(11, LocalDate.class), rs.getInt(12), rs.getObject(13, LocalDate.class)))
                .optional();
        return allocation.flatMap(a -> cases.find(a.caseId()).map(f -> new Found(a, f, name(staff.unitsById(List.of(a.homeId())), a.homeId()))));
    }

    private PlacementDecisions.Current decision(Allocation a) {
        return decisions.find(a.decisionId()).orElseThrow(() -> new ConflictException(PlacementDecisions.CHANGED));
    }

    /** Seed 003 "Ansvarig biståndshandläggare" 3: the answer reaches the case's officer too, who tells the staff concerned. */
    private List<String> caseOfficer(CaseDirectory.CaseFacts facts) {
        if (facts.caseOfficerId() == null) {
            return List.of();
        }
        return staff.find(facts.caseOfficerId()).flatMap(v -> staff.findEnabled(v.username())).map(v -> List.of(v.username())).orElse(List.of());
    }

    private void update(Allocation a, String sql, Object... params) {
        if (jdbc.sql(sql).params(params).update() != 1) {
            throw new ConflictException(CHANGED);
        }
    }

    /**
     * The apartment and home as the case's documentation names them. For a protected person the
     * journal does not name the place (issue 14 §2): it is read by more than those who may know where
     * she lives, and her placement is on the placement pages for those with an authorisation.
     */
    private static String where(Found f) {
        return f.facts().locked() ? "lägenhet" : "lägenhet " + f.allocation().number() + " på " + f.home();
    }

    /** Seed 003 "Enhetschef" 9: the offer, the answer and the planned move-in go into the case's social documentation. */
    private void document(Found f, String text) {
        journal.write(f.allocation().caseId(), f.facts().personId(), text);
    }
}
