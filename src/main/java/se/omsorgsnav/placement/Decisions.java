package se.omsorgsnav.placement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.CaseDirectory;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.messaging.Messages;
import se.omsorgsnav.messaging.NewMessage;
import se.omsorgsnav.person.PersonDisclosure;
import se.omsorgsnav.person.PersonView;
import se.omsorgsnav.person.Purpose;
import se.omsorgsnav.shared.CaseNumber;
import se.omsorgsnav.shared.DateInput;
import se.omsorgsnav.shared.FreeText;
import se.omsorgsnav.shared.IdempotentRequests;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.PersonalIdentityNumber;

/**
 * The decision for a nursing-home place and the housing queue (PLC-1, PLC-2, seed 003). The case
 * officer signs it on a case they may open (a protected person needs their authorisation and PIN,
 * through the gate); it enters the queue and BOSAM gets the structured message in the same
 * transaction. The queue lists open decisions oldest first with their waiting days.
 */
@Component
public class Decisions {

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final CaseDirectory cases;
    private final PersonDisclosure gate;
    private final PlacementDecisions decisions;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ListedCases listed;

    private final IdempotentRequests idempotent;
    private final CurrentUsers users;

    Decisions(JdbcClient jdbc, AccessControl access, CaseDirectory cases, PersonDisclosure gate, PlacementDecisions decisions, Messages messages,
              ApplicationEventPublisher events, Clock clock, ListedCases listed, IdempotentRequests idempotent,
            CurrentUsers users) {
        this.idempotent = idempotent;
        this.users = users;
        this.listed = listed;
        this.jdbc = jdbc;
        this.access = access;
        this.cases = cases;
        this.gate = gate;
        this.decisions = decisions;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    public record NewDecision(String caseNumber, String careProfile, String decidedOn, String currentResidence, Boolean coResident,
                              String wishes, String specialReasons, String relativeContact) {}

    @Transactional
    public UUID sign(NewDecision d) {
        access.require(PlacementAction.SIGN_DECISION, Target.NONE);
        if (d.caseNumber() == null || d.caseNumber().isBlank()) {
            throw new InvalidInputException("caseNumber", "Ange ärendenumret.");
        }
        Optional<CaseDirectory.CaseFacts> found = cases.find(CaseNumber.parse(d.caseNumber()));
        // A locked person needs the officer's authorisation for the case (or asks for the PIN); no such case answers alike (PROT-24).
        CurrentUser me = access.require(PlacementAction.SIGN_DECISION, found.map(Target::ofCase));
        CaseDirectory.CaseFacts facts = found.get();
        if (!facts.open()) {
            throw new InvalidInputException("caseNumber", "Ärendet är avslutat.");
        }
        CareProfile profile = parse(CareProfile.class, "careProfile", "Välj inriktning: somatisk eller demens.", d.careProfile());
        String residence = d.currentResidence();
        if (!List.of("OWN_HOME", "SHORT_STAY", "HOSPITAL").contains(residence)) {
            throw new InvalidInputException("currentResidence", "Välj nuvarande boende: eget boende, korttidsboende eller sjukhus.");
        }
        LocalDate decidedOn = DateInput.required("decidedOn", "Beslutsdatum", d.decidedOn());
        if (decidedOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("decidedOn", "Beslutsdatum kan inte vara i framtiden.");
        }
        String wishes = text("wishes", "Boendeönskemål", d.wishes(), 500);
        String reasons = text("specialReasons", "Särskilda skäl", d.specialReasons(), 500);
        String relative = text("relativeContact", "Kontaktperson anhörig", d.relativeContact(), 200);
        boolean coResident = Boolean.TRUE.equals(d.coResident());
        long open = jdbc.sql("select count(*) from placement_decision where case_id = ? and status in " + DecisionStatus.in(DecisionStatus.OPEN))
                .param(facts.caseId()).query(Long.class).single();
        if (open > 0) {
            throw new InvalidInputException("caseNumber", "Ärendet har redan ett beslut om vård- och omsorgsboende som inte är verkställt.");
        }

        UUID id = UUID.randomUUID();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("careProfile", profile.name());
        fields.put("decidedOn", decidedOn.toString());
        fields.put("currentResidence", residence);
        fields.put("coResident", coResident ? "YES" : "NO");
        if (wishes != null) {
            fields.put("wishes", wishes);
        }
        if (reasons != null) {
            fields.put("specialReasons", reasons);
        }
        if (relative != null) {
            fields.put("relativeContact", relative);
        }
        UUID message = messages.send(new NewMessage("decision-" + id, "PLACEMENT_DECISION", facts.number().value(), null, facts.number().value(),
                List.of(), List.of(), fields, null, false)).id();
        jdbc.sql("""
                        insert into placement_decision (id, case_id, person_id, care_profile, wishes, special_reasons, co_resident, current_residence,
                                                        relative_contact, decided_on, signed_by, signed_at, status, message_id, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                        """)
                .params(id, facts.caseId(), facts.personId(), profile.name(), wishes, reasons, coResident, residence, relative, decidedOn, me.id(),
                        OffsetDateTime.now(clock), DecisionStatus.QUEUED.name(), message)
                .update();
        events.publishEvent(new DecisionSigned(id, facts.caseId(), facts.number().value(), profile, decidedOn));
        return id;
    }

    private record Row(UUID id, UUID caseId, UUID personId, CareProfile profile, LocalDate decidedOn, String residence, boolean coResident,
                       String wishes, String reasons, String relative) {}

    /** The queue, oldest decision first: one statement, and the gate's fixed few for its persons. */
    @Transactional
    public List<QueueEntry> queue() {
        access.require(PlacementAction.VIEW_QUEUE, Target.NONE);
        List<Row> rows = jdbc.sql("""
                        select d.id, d.case_id, d.person_id, d.care_profile, d.decided_on, d.current_residence, d.co_resident, d.wishes,
                               d.special_reasons, d.relative_contact
                        from placement_decision d
                        where d.status = 'QUEUED'
                        order by d.decided_on, d.id
                        fetch first 500 rows only
                        """)
                .query(Decisions::row)
                .list();
        return entries(rows);
    }

    /** How many decisions wait in the queue: the matching page's count (one statement). */
    @Transactional(readOnly = true)
    public long queued() {
        access.require(PlacementAction.VIEW_QUEUE, Target.NONE);
        return jdbc.sql("select count(*) from placement_decision where status = 'QUEUED'").query(Long.class).single();
    }

    private record Waiting(UUID id, UUID personId, CareProfile profile, String wishes) {}

    /**
     * The matching page's candidates for these apartments (PLC-4): queued decisions of the same
     * care profile, those who wished for the apartment's home first, then the longest waiting; at
     * most {@code perApartment} each, from the whole queue. Only the persons shown pass the gate
     * and are audited (AUD-1), not the queue behind them. A wish of a person locked for readers
     * without an authorisation never moves them up (their wishes are withheld from the reader, and
     * the order would tell what they wished). A constant number of statements: the oldest of each
     * profile, the queued decisions with a wish, the gate's lock check of the wishers it would
     * pick (a second round only where one of them is locked), the shown rows, the gate.
     */
    @Transactional
    public Map<UUID, List<QueueEntry>> candidates(List<VacantApartment> apartments, int perApartment) {
        access.require(PlacementAction.VIEW_QUEUE, Target.NONE);
        Map<UUID, List<QueueEntry>> result = new LinkedHashMap<>();
        if (apartments.isEmpty()) {
            return result;
        }
        // The longest waiting of each profile: as many again as shown, since a wisher for the home among them moves up.
        Map<CareProfile, List<Waiting>> oldest = new java.util.EnumMap<>(CareProfile.class);
        for (CareProfile profile : CareProfile.values()) {
            oldest.put(profile, jdbc.sql("""
                            select d.id, d.person_id, d.care_profile, d.wishes from placement_decision d
                            where d.status = 'QUEUED' and d.care_profile = ?
                            order by d.decided_on, d.id
                            fetch first %d rows only
                            """.formatted(2 * perApartment))
                    .param(profile.name()).query(Decisions::waiting).list());
        }
        // Who wished for something, oldest first; which home a wish names is decided here, once per row and home of the page.
        List<Waiting> wishing = jdbc.sql("""
                        select d.id, d.person_id, d.care_profile, d.wishes from placement_decision d
                        where d.status = 'QUEUED' and d.wishes is not null
                        order by d.decided_on, d.id
                        """)
                .query(Decisions::waiting).list();
        List<String> wishes = wishing.stream().map(w -> w.wishes().toLowerCase(java.util.Locale.ROOT)).toList();
        Map<String, List<Waiting>> wishers = new HashMap<>();
        for (VacantApartment a : apartments) {
            String word = MatchingWords.of(a.home());
            wishers.computeIfAbsent(a.careProfile() + " " + word, k -> java.util.stream.IntStream.range(0, wishing.size())
                    .filter(i -> wishing.get(i).profile() == a.careProfile() && wishes.get(i).contains(word)).mapToObj(wishing::get).toList());
        }
        // A wish counts only for persons open to readers without an authorisation: the gate's lock check, for the wishers who
        // would be picked (again for the next ones where a picked one is locked; the first round is the only one in practice).
        Set<UUID> checked = new java.util.HashSet<>();
        Set<UUID> locked = new java.util.HashSet<>();
        // The first round also asks about the longest waiting (a few ids): the page then costs the same statements whoever wished.
        Set<UUID> first = new java.util.LinkedHashSet<>();
        oldest.values().forEach(list -> list.forEach(w -> first.add(w.personId())));
        Map<UUID, List<UUID>> chosen = new LinkedHashMap<>();
        while (true) {
            Set<UUID> unchecked = new java.util.LinkedHashSet<>();
            chosen.clear();
            for (VacantApartment a : apartments) {
                List<UUID> picked = new java.util.ArrayList<>();
                for (Waiting w : wishers.get(a.careProfile() + " " + MatchingWords.of(a.home()))) {
                    if (picked.size() < perApartment && !locked.contains(w.personId())) {
                        picked.add(w.id());
                        if (!checked.contains(w.personId())) {
                            unchecked.add(w.personId());
                        }
                    }
                }
                for (Waiting w : oldest.get(a.careProfile())) {
                    if (picked.size() < perApartment && !picked.contains(w.id())) {
                        picked.add(w.id());
                    }
                }
                chosen.put(a.id(), picked);
            }
            if (checked.isEmpty()) {
                unchecked.addAll(first);
            }
            if (unchecked.isEmpty()) {
                break;
            }
            locked.addAll(gate.lockedAmong(unchecked));
            checked.addAll(unchecked);
        }
        Set<UUID> shown = new java.util.LinkedHashSet<>();
        chosen.values().forEach(shown::addAll);
        if (shown.isEmpty()) {
            apartments.forEach(a -> result.put(a.id(), List.of()));
            return result;
        }
        List<Row> rows = jdbc.sql("""
                        select d.id, d.case_id, d.person_id, d.care_profile, d.decided_on, d.current_residence, d.co_resident, d.wishes,
                               d.special_reasons, d.relative_contact
                        from placement_decision d
                        where d.id in (:ids)
                        order by d.decided_on, d.id
                        """)
                .param("ids", List.copyOf(shown)).query(Decisions::row).list();
        Map<UUID, QueueEntry> entries = new HashMap<>();
        entries(rows).forEach(e -> entries.put(e.decisionId(), e));
        chosen.forEach((apartment, ids) -> result.put(apartment, ids.stream().map(entries::get).filter(Objects::nonNull).toList()));
        return result;
    }

    private static Waiting waiting(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Waiting(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), CareProfile.valueOf(rs.getString(3)), rs.getString(4));
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), CareProfile.valueOf(rs.getString(4)),
                rs.getObject(5, LocalDate.class), rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getString(9), rs.getString(10));
    }

    /**
     * The rows as the reader may see them: the persons through the gate (audited); where masked, what
     * could locate her is withheld: where she stays now (own home, short stay, hospital: PROT-3), whether
     * someone moves with her (her household, withheld in messages as well), her wishes, special
     * reasons and relative.
     */
    private List<QueueEntry> entries(List<Row> rows) {
        Map<UUID, PersonView> persons = new HashMap<>();
        List<UUID> ids = rows.stream().map(Row::personId).filter(Objects::nonNull).distinct().toList();
        if (!ids.isEmpty()) {
            gate.list(ids, Purpose.PLACEMENT_QUEUE).forEach(v -> persons.put(v.id(), v));
        }
        Map<UUID, CaseDirectory.CaseFacts> facts = cases.findAll(rows.stream().map(Row::caseId).distinct().toList());
        LocalDate today = LocalDate.now(clock);
        // The gate masks an authorised reader's rows too until she confirms with the PIN: the page then says so.
        listed.awaitingPin(rows.stream().filter(r -> facts.containsKey(r.caseId()))
                .filter(r -> persons.get(r.personId()) == null || persons.get(r.personId()).masked()).map(r -> facts.get(r.caseId())).toList());
        return rows.stream().filter(r -> facts.containsKey(r.caseId())).map(r -> {
            PersonView p = persons.get(r.personId());
            boolean masked = p == null || p.masked();
            return new QueueEntry(r.id(), facts.get(r.caseId()).number().value(), p == null ? null : p.displayName(), p == null ? null : p.personalIdentityNumber(), masked,
                    r.profile(), r.decidedOn(), ChronoUnit.DAYS.between(r.decidedOn(), today), masked ? null : r.residence(), masked ? null : r.coResident(),
                    masked ? null : r.wishes(), masked ? null : r.reasons(), masked ? null : r.relative(),
                    masked && (r.residence() != null || r.wishes() != null || r.reasons() != null || r.relative() != null));
        }).toList();
    }

    /**
     * PLC-10: after move-in (accepted or executed), the placement team records a wish to be moved;
     * a blank wish withdraws it. Audited with the person and case.
     */
    @Transactional
    public void relocationWish(UUID decisionId, String wish) {
        access.require(PlacementAction.RECORD_RELOCATION_WISH, Target.NONE);
        PlacementDecisions.Current placed = decisions.find(decisionId)
                .orElseThrow(() -> new InvalidInputException("decisionId", "Det finns inget sådant beslut."));
        CaseDirectory.CaseFacts facts = cases.find(placed.caseId())
                .orElseThrow(() -> new InvalidInputException("decisionId", "Det finns inget sådant beslut."));
        if (!DecisionStatus.PLACED.contains(placed.status())) {
            throw new InvalidInputException("decisionId", "Önskemål om omplacering registreras efter inflyttningen.");
        }
        String text = text("wish", "Önskemål om omplacering", wish, 500);
        // Audited with the person and the case under the action's name.
        access.require(PlacementAction.RECORD_RELOCATION_WISH, Target.ofCase(facts));
        decisions.change(placed, "relocation_wish = ?, relocation_wish_on = ?", text, text == null ? null : LocalDate.now(clock));
    }

    /** PLC-10 from the queue page: the wish for the placed person of this case. */
    @Transactional
    public void relocationWishForCase(String caseNumber, String wish) {
        access.require(PlacementAction.RECORD_RELOCATION_WISH, Target.NONE);
        if (caseNumber == null || caseNumber.isBlank()) {
            throw new InvalidInputException("caseNumber", "Ange ärendenumret.");
        }
        Optional<CaseDirectory.CaseFacts> facts = cases.find(CaseNumber.parse(caseNumber));
        UUID decision = facts.isEmpty() ? null : jdbc.sql("""
                        select d.id from placement_decision d
                        where d.case_id = ? and d.status in %s order by d.decided_on desc fetch first 1 rows only
                        """.formatted(DecisionStatus.in(DecisionStatus.PLACED)))
                .param(facts.get().caseId()).query(UUID.class).optional().orElse(null);
        if (decision == null) {
            throw new InvalidInputException("caseNumber", "Ärendet har ingen inflyttning att registrera önskemål för.");
        }
        relocationWish(decision, wish);
    }

    /** A placed person's wish to move (PLC-10); the wish is withheld when the person is masked to the reader. */
    public record RelocationWish(UUID decisionId, String caseNumber, String personName, boolean masked, String wish, LocalDate since) {}

    /** The recorded relocation wishes, oldest first: one statement and the gate's few. */
    @Transactional
    public List<RelocationWish> relocationWishes() {
        access.require(PlacementAction.VIEW_QUEUE, Target.NONE);
        record Row(UUID id, UUID caseId, UUID personId, String wish, LocalDate since) {}
        List<Row> rows = jdbc.sql("""
                        select d.id, d.case_id, d.person_id, d.relocation_wish, d.relocation_wish_on
                        from placement_decision d
                        where d.relocation_wish_on is not null
                        order by d.relocation_wish_on, d.id
                        fetch first 500 rows only
                        """)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
                        rs.getObject(5, LocalDate.class)))
                .list();
        Map<UUID, PersonView> persons = new HashMap<>();
        List<UUID> ids = rows.stream().map(Row::personId).distinct().toList();
        if (!ids.isEmpty()) {
            gate.list(ids, Purpose.PLACEMENT_QUEUE).forEach(v -> persons.put(v.id(), v));
        }
        Map<UUID, CaseDirectory.CaseFacts> facts = cases.findAll(rows.stream().map(Row::caseId).distinct().toList());
        return rows.stream().filter(r -> facts.containsKey(r.caseId())).map(r -> {
            PersonView p = persons.get(r.personId());
            boolean masked = p == null || p.masked();
            return new RelocationWish(r.id(), facts.get(r.caseId()).number().value(), p == null ? null : p.displayName(), masked, masked ? null : r.wish(), r.since());
        }).toList();
    }

    private static String text(String field, String label, String value, int max) {
        // One line: these travel as structured message fields, which are one line each.
        String v = FreeText.optional(field, label, value, max);
        if (v != null && PersonalIdentityNumber.appearsIn(v)) {
            throw new InvalidInputException(field, "Skriv aldrig personnummer här: personen visas genom ärendet.");
        }
        return v;
    }


    private static <E extends Enum<E>> E parse(Class<E> type, String field, String message, String value) {
        try {
            return Enum.valueOf(type, value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, message);
        }
    }

    /**
     * {@link #sign(NewDecision)} once per idempotency key of the current user (issue 15): the same key
     * and request again answer the first decision's id, and nothing more is done.
     */
    @Transactional
    public IdempotentRequests.Outcome<UUID> sign(String idempotencyKey, NewDecision request) {
        return idempotent.once(users.current().id(), idempotencyKey, "placement.decision", request, () -> sign(request));
    }
}
