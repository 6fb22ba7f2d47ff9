package se.omsorgsnav.placement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.CaseDirectory;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.StaffDirectory;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.messaging.Messages;
import se.omsorgsnav.messaging.NewMessage;
import se.omsorgsnav.shared.CaseNumber;
import se.omsorgsnav.shared.FreeText;
import se.omsorgsnav.shared.DateInput;
import se.omsorgsnav.shared.IdempotentRequests;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.WorkingDayCalendar;

/**
 * The unit manager reports that an apartment is or will be free (PLC-3, seed 003 "Enhetschef" 2-3):
 * a death or a move-out, named by the tenant's case number, or a renovation, with the date the
 * apartment can be offered. The report and its message to BOSAM, the placement coordinators and the
 * fee officers (seed 000) are one transaction. A death must be reported at the latest the next
 * working day: the deadline is stored with its rule, and a later report is marked late.
 */
@Component
public class Vacancies {

    static final UUID BOSAM = UUID.fromString("6d5a0000-0000-4000-8000-000000000001");
    static final String DEATH_RULE = "Dödsfall meddelas senast nästkommande arbetsdag (rutin 003)";

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final AccessControl access;
    private final Apartments apartments;
    private final Tenancies tenancies;
    private final CaseDirectory cases;
    private final StaffDirectory staff;
    private final ListedCases listed;
    private final Messages messages;
    private final WorkingDayCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final IdempotentRequests idempotent;

    Vacancies(JdbcClient jdbc, CurrentUsers users, AccessControl access, Apartments apartments, Tenancies tenancies, CaseDirectory cases,
              StaffDirectory staff, ListedCases listed, Messages messages, WorkingDayCalendar calendar, ApplicationEventPublisher events,
              Clock clock, IdempotentRequests idempotent) {
        this.idempotent = idempotent;
        this.jdbc = jdbc;
        this.users = users;
        this.access = access;
        this.apartments = apartments;
        this.tenancies = tenancies;
        this.cases = cases;
        this.staff = staff;
        this.listed = listed;
        this.messages = messages;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    public record Report(UUID apartmentId, String reason, String eventDate, String readyOn, String caseNumber, String remarks) {}

    @Transactional
    public UUID report(Report report) {
        UUID home = apartments.requireHomeManager(PlacementAction.REPORT_VACANCY);
        String homeName = staff.unitsById(List.of(home)).get(home).name();
        record Apartment(String number, CareProfile profile, String remarks, String home) {}
        Apartment apartment = report.apartmentId() == null ? null : jdbc.sql("""
                        select a.number, a.care_profile, a.remarks from apartment a
                        where a.id = ? and a.unit_id = ?
                        """)
                .params(report.apartmentId(), home)
                .query((rs, n) -> new Apartment(rs.getString(1), CareProfile.valueOf(rs.getString(2)), rs.getString(3), homeName))
                .optional().orElse(null);
        if (apartment == null) {
            throw new InvalidInputException("apartmentId", "Välj en av boendets lägenheter.");
        }
        VacancyReason reason;
        try {
            reason = VacancyReason.valueOf(report.reason() == null ? "" : report.reason());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("reason", "Välj vad som har hänt: avliden, utflyttning eller renovering.");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate eventDate = DateInput.required("eventDate", reason == VacancyReason.RENOVATION ? "Datum då renoveringen börjar" : "Datum då hyresgästen avled eller flyttar",
                report.eventDate());
        LocalDate readyOn = DateInput.required("readyOn", "Datum då lägenheten kan erbjudas ny hyresgäst", report.readyOn());
        if (reason == VacancyReason.DEATH && eventDate.isAfter(today)) {
            throw new InvalidInputException("eventDate", "Datum för dödsfallet kan inte vara i framtiden.");
        }
        if (readyOn.isBefore(eventDate)) {
            throw new InvalidInputException("readyOn", "Lägenheten kan inte erbjudas före det datum den blir ledig.");
        }
        String remarks = FreeText.optional("remarks", "Övrigt om lägenheten", report.remarks(), 500);
        CaseDirectory.CaseFacts tenant = null;
        if (reason != VacancyReason.RENOVATION) {
            if (report.caseNumber() == null || report.caseNumber().isBlank()) {
                throw new InvalidInputException("caseNumber", "Ange hyresgästens ärendenummer: meddelandet visar personen genom ärendet.");
            }
            tenant = cases.find(CaseNumber.parse(report.caseNumber()))
                    .orElseThrow(() -> new InvalidInputException("caseNumber", "Det finns inget ärende med det numret."));
        }
        LocalDate dueOn = reason == VacancyReason.DEATH ? calendar.nextWorkingDay(eventDate) : null;
        boolean late = dueOn != null && today.isAfter(dueOn);

        UUID id = UUID.randomUUID();
        UUID message = message(id, reason, apartment.home(), apartment.number(), apartment.profile(), joined(apartment.remarks(), remarks),
                eventDate, readyOn, tenant);
        jdbc.sql("""
                        insert into vacancy (id, apartment_id, reason, event_date, ready_on, due_on, due_rule, case_id, message_id, reported_by,
                                             reported_at, late)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(id, report.apartmentId(), reason.name(), eventDate, readyOn, dueOn, dueOn == null ? null : DEATH_RULE,
                        tenant == null ? null : tenant.caseId(), message, users.current().id(), OffsetDateTime.now(clock), late)
                .update();
        if (tenant != null) {
            tenancies.end(report.apartmentId(), tenant.caseId(), eventDate, id);
        }
        if (tenant != null) {
            // The report names the tenant's case: audited with the person and the case.
            access.require(PlacementAction.REPORT_VACANCY, Target.ofCase(tenant).withUnit(home));
        }
        events.publishEvent(new VacancyReported(id, report.apartmentId(), home, reason, eventDate, readyOn, tenant == null ? null : tenant.caseId(),
                late));
        return id;
    }

    /** The death/move-out message of seed 000 to BOSAM (and by rule the coordinators and fee officers); a renovation to BOSAM. */
    private UUID message(UUID vacancy, VacancyReason reason, String home, String number, CareProfile profile, String remarks, LocalDate eventDate,
                         LocalDate readyOn, CaseDirectory.CaseFacts tenant) {
        String key = "vacancy-" + vacancy;
        if (reason == VacancyReason.RENOVATION) {
            String text = "Lägenhet " + number + " på " + home + " renoveras från " + eventDate + " och kan erbjudas från " + readyOn + "."
                    + (remarks == null ? "" : "\n" + remarks);
            return messages.send(new NewMessage(key, "FREE_TEXT", "Renovering, lägenhet " + number, text, null, List.of(), List.of(BOSAM),
                    Map.of(), null, false)).id();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("facility", home);
        fields.put("careProfile", profile.name());
        fields.put("apartment", number);
        fields.put("reason", reason.name());
        fields.put("date", eventDate.toString());
        if (remarks != null) {
            fields.put("apartmentRemarks", remarks);
        }
        fields.put("availableFrom", readyOn.toString());
        return messages.send(new NewMessage(key, "DEATH_OR_MOVE_OUT", tenant.number().value(), null, tenant.number().value(), List.of(),
                List.of(BOSAM), fields, null, false)).id();
    }

    /** My home's reports, newest first; one statement, and the constant few of the case directory, the reporters and the audit. */
    @Transactional
    public List<VacancyView> ofMyHome() {
        UUID home = apartments.requireHomeManager(PlacementAction.MANAGE_HOME);
        record Row(UUID id, String apartment, VacancyReason reason, LocalDate eventDate, LocalDate readyOn, UUID caseId, LocalDate dueOn,
                   String dueRule, boolean late, OffsetDateTime reportedAt, UUID reportedBy, UUID messageId) {}
        List<Row> rows = jdbc.sql("""
                        select v.id, a.number, v.reason, v.event_date, v.ready_on, v.case_id, v.due_on, v.due_rule, v.late, v.reported_at,
                               v.reported_by, v.message_id
                        from vacancy v
                          join apartment a on a.id = v.apartment_id
                        where a.unit_id = ?
                        order by v.reported_at desc, v.id
                        fetch first 100 rows only
                        """)
                .param(home)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), VacancyReason.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getObject(6, UUID.class), rs.getObject(7, LocalDate.class),
                        rs.getString(8), rs.getBoolean(9), rs.getObject(10, OffsetDateTime.class), rs.getObject(11, UUID.class), rs.getObject(12, UUID.class)))
                .list();
        // The case numbers and the reporters, one batch each (placement reads neither cases nor users itself); each tenant's row audited.
        Map<UUID, CaseDirectory.CaseFacts> tenants = listed.list(rows.stream().map(Row::caseId).filter(java.util.Objects::nonNull).distinct().toList(),
                PlacementAction.MANAGE_HOME).facts();
        Map<UUID, StaffDirectory.StaffView> reporters = staff.findAll(rows.stream().map(Row::reportedBy).distinct().toList());
        return rows.stream().map(r -> new VacancyView(r.id(), r.apartment(), r.reason(), r.eventDate(), r.readyOn(),
                r.caseId() == null || !tenants.containsKey(r.caseId()) ? null : tenants.get(r.caseId()).number().value(), r.dueOn(), r.dueRule(),
                r.late(), r.reportedAt(), reporters.containsKey(r.reportedBy()) ? reporters.get(r.reportedBy()).fullName() : null, r.messageId()))
                .toList();
    }

    private static String joined(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + ". " + b;
    }

    /**
     * {@link #report(Report)} once per idempotency key of the current user (issue 15): the same key
     * and request again answer the first vacancy report's id, and nothing more is done.
     */
    @Transactional
    public IdempotentRequests.Outcome<UUID> report(String idempotencyKey, Report report) {
        return idempotent.once(users.current().id(), idempotencyKey, "placement.vacancy", report, () -> report(report));
    }
}
