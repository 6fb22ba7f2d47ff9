package se.omsorgsnav.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.omsorgsnav.access.Role;

/**
 * Test data for the authorisation matrix and the canary scan: one user per role and
 * authorisation state, and subjects of every protection level whose every identifying field holds
 * a unique canary string. Written straight into the tables: it is the world the tests look at,
 * not behaviour under test. Its persons, cases, decisions and allocations are made the one shared
 * way, {@link TestData}; the users, homes and messages only the matrix needs are written here.
 */
public final class MatrixFixture {

    public enum AuthState { NONE, VALID, EXPIRED, NOT_YET_VALID, REVOKED }

    public enum Subject {
        // Numbers from Skatteverket's list of test personnummer (TestPins), each with a month, day and
        // birth number no other number on the list has: those eight digits are a canary.
        PROTECTED_REGISTRATION("193101139198", "PROTECTED_REGISTRATION", "Matrisalias Ett", true),
        CONFIDENTIALITY_MARKING("193201149121", "CONFIDENTIALITY_MARKING", null, true),
        LOCAL_PROTECTION("193301205419", "LOCAL_PROTECTION", "Matrisalias Tre", true),
        /** No protection of its own; relative of the PROTECTED_REGISTRATION subject (PROT-5). */
        LINKED_RELATIVE("196401053076", "NONE", null, false),
        ORDINARY("193401193754", "NONE", null, true);

        final String pin;
        final String level;
        final String alias;
        public final boolean hasCase;

        Subject(String pin, String level, String alias, boolean hasCase) {
            this.pin = pin;
            this.level = level;
            this.alias = alias;
            this.hasCase = hasCase;
        }

        public boolean locked() {
            return this != ORDINARY;
        }

        /** A unique token per subject and field: found anywhere, it is a leak. */
        public String canary(String field) {
            return "Xqc" + field + name().replace("_", "").toLowerCase(Locale.ROOT);
        }
    }

    /** The subjects' numbers, which {@link TestPins} never hands out. */
    static final Set<String> SUBJECT_PINS = Arrays.stream(Subject.values()).map(s -> s.pin).collect(Collectors.toUnmodifiableSet());

    /** A colleague outside the matrix whom workflow cells grant, order and revoke for. */
    public static final String GRANT_TARGET = "m_grant_target";
    /** Every matrix user's PIN. */
    public static final String PIN = "135792";

    public record Person(UUID id, String pin, String tenDigitPin, String caseNumber, List<String> canaries) {}

    /**
     * Where a locked subject lives or is to live, and what is written about it (issue 14, "Tests"):
     * a nursing home whose name, an apartment whose number, a placement decision whose wishes,
     * special reasons and relative contact, and two messages on her case whose subject, text and
     * fields are all canaries. {@code allocationId}, {@code tenancyId} are null where she has none.
     */
    public record Whereabouts(UUID homeId, String home, UUID apartmentId, String apartment, UUID decisionId, UUID allocationId,
                              UUID tenancyId, String tenancyApartment, UUID respiteId, UUID freeTextMessageId, UUID recordMessageId,
                              List<String> canaries) {}

    /**
     * The unit manager of the subject's home, authorised for her case: the positive control of the
     * home's pages, which no matrix user reaches. Not a matrix user (no cells).
     */
    public static String homeManager(Subject subject) {
        return "m_home_manager_" + subject.name().toLowerCase(Locale.ROOT);
    }

    /** The case officer who opened the subjects' cases and signed their decisions. */
    private static final String OFFICER = username(Role.CASE_OFFICER, AuthState.NONE);

    private TestData data;
    private final Map<Subject, Person> persons = new EnumMap<>(Subject.class);
    private final Map<String, AuthState> userStates = new LinkedHashMap<>();
    private final Map<String, Role> userRoles = new LinkedHashMap<>();
    private UUID unitId;
    private UUID grantTargetId;
    private UUID managerId;
    private final Map<Subject, UUID> caseIds = new EnumMap<>(Subject.class);
    private final Map<Subject, Whereabouts> whereabouts = new EnumMap<>(Subject.class);

    /** The subject's placement and message data; null for a subject without a case or lock. */
    public Whereabouts whereabouts(Subject subject) {
        return whereabouts.get(subject);
    }

    /** The canary homes' names: also in every list of the municipality's units, where they name nobody. */
    public List<String> homeNames() {
        return whereabouts.values().stream().map(Whereabouts::home).toList();
    }

    public Person person(Subject subject) {
        return persons.get(subject);
    }

    public Map<String, Role> userRoles() {
        return userRoles;
    }

    public AuthState state(String username) {
        return userStates.get(username);
    }

    public UUID unitId() {
        return unitId;
    }

    public static String username(Role role, AuthState state) {
        return ("m_" + role.name() + "_" + state.name()).toLowerCase(Locale.ROOT);
    }

    /** Every canary of every locked subject. */
    public List<String> allCanaries() {
        List<String> all = new ArrayList<>();
        persons.forEach((s, p) -> {
            if (s.locked()) {
                all.addAll(p.canaries());
            }
        });
        return all;
    }

    public static MatrixFixture create(JdbcClient jdbc, PasswordEncoder passwords, LocalDate today) {
        MatrixFixture f = new MatrixFixture();
        f.data = new TestData(jdbc);
        f.unitId = UUID.randomUUID();
        jdbc.sql("insert into unit (id, name, administration, kind) values (?, 'Matrisenheten', 'Äldre samt vård- och omsorgsförvaltningen', 'AUTHORITY')")
                .param(f.unitId).update();
        // The unit's message group (MSG-2), as UnitGroups makes it for a unit added after start.
        jdbc.sql("insert into message_group (id, name, kind, unit_id) values (?, 'Matrisenheten', 'UNIT', ?)").params(f.unitId, f.unitId).update();
        String hash = passwords.encode(DemoUsers.PASSWORD);
        String pinHash = passwords.encode(PIN);
        Map<String, UUID> userIds = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            for (AuthState state : AuthState.values()) {
                String username = username(role, state);
                UUID id = UUID.randomUUID();
                jdbc.sql("""
                                insert into app_user (id, username, full_name, email, password_hash, pin_hash, role, unit_id, grant_right, enabled)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, true)
                                """)
                        .params(id, username, "Matris " + role.title() + " " + state, username + "@test.invalid", hash, pinHash, role.name(),
                                f.unitId, role == Role.SYSTEM_SUPPORT)
                        .update();
                userIds.put(username, id);
                f.userStates.put(username, state);
                f.userRoles.put(username, role);
            }
        }
        f.grantTargetId = UUID.randomUUID();
        jdbc.sql("""
                        insert into app_user (id, username, full_name, email, password_hash, role, unit_id, grant_right, enabled)
                        values (?, ?, 'Matris Mottagare', 'mottagare@test.invalid', ?, 'CASE_OFFICER', ?, false, true)
                        """).params(f.grantTargetId, GRANT_TARGET, hash, f.unitId).update();
        f.managerId = userIds.get(username(Role.UNIT_MANAGER, AuthState.NONE));
        OffsetDateTime now = OffsetDateTime.now();
        for (Subject s : Subject.values()) {
            String pin = s.pin;
            UUID id = f.data.person().pin(pin).named(s.canary("first"), s.canary("last"))
                    .address(s.canary("street") + " 1", "XQ" + s.ordinal() + "01", s.canary("city")).phone(s.canary("phone"))
                    .protectedBy(s.level).alias(s.alias).registeredAt(now).create().id();
            String caseNumber = null;
            UUID caseId = null;
            if (s.hasCase) {
                TestData.Case c = f.data.caseFor(id).officer(OFFICER).subject("Matrisärende")
                        .openedOn(today.minusDays(3)).create();
                caseNumber = c.number();
                caseId = c.id();
                f.caseIds.put(s, caseId);
            }
            String digits = pin.substring(4); // MMDDNNNN: what a full number has and a masked one never shows
            List<String> canaries = new ArrayList<>(List.of(s.canary("first"), s.canary("last"), s.canary("street"), s.canary("city"),
                    s.canary("phone"), "XQ" + s.ordinal() + "01", digits, digits.substring(0, 4) + "-" + digits.substring(4), s.canary("apartment")));
            if (s.alias != null) {
                // PROT-13: the alias only for staff of the unit that performs her services, which no matrix user is.
                canaries.add(s.alias);
            }
            if (s.locked() && s.hasCase) {
                Whereabouts w = f.place(jdbc, s, id, caseId, caseNumber, userIds, hash, pinHash, today);
                f.whereabouts.put(s, w);
                canaries.addAll(w.canaries());
            }
            f.persons.put(s, new Person(id, pin, pin.substring(2, 8) + "-" + pin.substring(8), caseNumber, canaries));
            if (s.locked() && s.hasCase) {
                for (Role role : Role.values()) {
                    for (AuthState state : AuthState.values()) {
                        authorise(jdbc, userIds.get(username(role, state)), caseId, id, state, today, userIds.get(username(Role.SYSTEM_SUPPORT, AuthState.NONE)));
                    }
                }
            }
        }
        jdbc.sql("insert into person_relation (id, person_id, related_person_id, kind) values (?, ?, ?, 'RELATIVE')")
                .params(UUID.randomUUID(), f.person(Subject.PROTECTED_REGISTRATION).id(), f.person(Subject.LINKED_RELATIVE).id())
                .update();
        f.vacantApartment(jdbc, userIds.get(username(Role.UNIT_MANAGER, AuthState.NONE)), today);
        return f;
    }

    /**
     * The subject's whereabouts, written as the placement routine and the messaging would have:
     * <ul>
     * <li>PROTECTED_REGISTRATION: offered an apartment, the coordinator the agreed offer maker, the
     *     answer overdue (overdue offers, the offers page, the coordinator's tasks);</li>
     * <li>CONFIDENTIALITY_MARKING: a tenant of her home who wishes to move, her new decision in the
     *     queue (queue, matching, relocation wishes, the home's tenants);</li>
     * <li>LOCAL_PROTECTION: offered an apartment by the home's unit manager, the answer overdue.</li>
     * </ul>
     * Each decision is four months old and not executed (the IVO list); each has a respite booking
     * at her home; and two messages on her case reached every matrix user through the matrix unit's
     * group: one written by hand, one a MOVE_IN record. The canary homes have no message group, so
     * that the list of groups does not name them.
     */
    private Whereabouts place(JdbcClient jdbc, Subject s, UUID personId, UUID caseId, String caseNumber, Map<String, UUID> userIds,
                              String hash, String pinHash, LocalDate today) {
        UUID coordinator = userIds.get(username(Role.PLACEMENT_COORDINATOR, AuthState.NONE));
        List<String> canaries = new ArrayList<>();
        UUID home = UUID.randomUUID();
        String homeName = s.canary("home");
        jdbc.sql("insert into unit (id, name, administration, kind) values (?, ?, 'Äldre samt vård- och omsorgsförvaltningen', 'NURSING_HOME')")
                .params(home, homeName).update();
        UUID manager = UUID.randomUUID();
        jdbc.sql("""
                        insert into app_user (id, username, full_name, email, password_hash, pin_hash, role, unit_id, grant_right, enabled)
                        values (?, ?, 'Matris Boendechef', ?, ?, ?, 'UNIT_MANAGER', ?, false, true)
                        """).params(manager, homeManager(s), homeManager(s) + "@test.invalid", hash, pinHash, home).update();
        authorise(jdbc, manager, caseId, personId, AuthState.VALID, today, userIds.get(username(Role.SYSTEM_SUPPORT, AuthState.NONE)));
        UUID apartment = UUID.randomUUID();
        String number = "Xqn" + s.ordinal() + "lgh"; // apartment.number is 20 characters at most
        jdbc.sql("insert into apartment (id, unit_id, number, care_profile, monthly_rent, version) values (?, ?, ?, 'SOMATIC', 6321, 0)")
                .params(apartment, home, number).update();
        canaries.addAll(List.of(homeName, number, s.canary("wish"), s.canary("reason"), s.canary("relative")));
        UUID tenancy = null;
        String tenancyApartment = null;
        if (s == Subject.CONFIDENTIALITY_MARKING) {
            UUID lived = UUID.randomUUID();
            tenancyApartment = "Xqt" + s.ordinal() + "lgh";
            jdbc.sql("insert into apartment (id, unit_id, number, care_profile, monthly_rent, version) values (?, ?, ?, 'SOMATIC', 6321, 0)")
                    .params(lived, home, tenancyApartment).update();
            UUID executed = data.decision(caseId, personId).signedBy(OFFICER).status("EXECUTED").decidedOn(today.minusYears(1)).create().id();
            tenancy = UUID.randomUUID();
            jdbc.sql("insert into tenancy (id, apartment_id, decision_id, case_id, person_id, moved_in_on, rent_from) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(tenancy, lived, executed, caseId, personId, today.minusMonths(11), today.minusMonths(11)).update();
            canaries.add(tenancyApartment);
        }
        String status = s == Subject.CONFIDENTIALITY_MARKING ? "QUEUED" : "OFFERED";
        // The queued one the longest waiting of the municipality, so that matching proposes her for any vacant somatic apartment.
        TestData.DecisionBuilder decided = data.decision(caseId, personId).signedBy(OFFICER).status(status)
                .decidedOn(status.equals("QUEUED") ? today.minusYears(2) : today.minusMonths(4))
                .wishes(s.canary("wish"), s.canary("reason"), s.canary("relative"));
        if (tenancy != null) {
            decided.relocationWish(s.canary("relocation"), today.minusDays(20));
            canaries.add(s.canary("relocation"));
        }
        UUID decision = decided.create().id();
        UUID allocation = null;
        if (status.equals("OFFERED")) {
            allocation = data.allocation(decision, apartment)
                    .allocatedBy(username(Role.PLACEMENT_COORDINATOR, AuthState.NONE), OffsetDateTime.now().minusDays(6))
                    .offerMaker(s == Subject.PROTECTED_REGISTRATION ? "COORDINATOR" : "UNIT_MANAGER").status("OFFERED")
                    .offered(today.minusDays(5), today.minusDays(4), "Svar inom en arbetsdag efter erbjudandet (rutin 003)").create();
        }
        UUID respite = UUID.randomUUID();
        jdbc.sql("""
                        insert into respite_booking (id, unit_id, case_id, from_date, to_date, booked_by, booked_at)
                        values (?, ?, ?, ?, ?, ?, current_timestamp)
                        """).params(respite, home, caseId, today.plusDays(10), today.plusDays(15), coordinator).update();
        UUID sender = userIds.get(username(Role.PLACEMENT_COORDINATOR, AuthState.VALID));
        UUID freeText = message(jdbc, sender, "FREE_TEXT", s.canary("msgsubject"), "Hon har nu flyttat, se " + s.canary("note") + ".",
                caseId, caseNumber, personId, Map.of(), userIds.values());
        UUID record = message(jdbc, sender, "MOVE_IN", caseNumber, "Inflyttning enligt rutinen", caseId, caseNumber, personId,
                Map.of("facility", homeName, "careProfile", "SOMATIC", "apartment", number), userIds.values());
        canaries.addAll(List.of(s.canary("msgsubject"), s.canary("note")));
        return new Whereabouts(home, homeName, apartment, number, decision, allocation, tenancy, tenancyApartment, respite, freeText, record,
                List.copyOf(canaries));
    }

    private UUID message(JdbcClient jdbc, UUID sender, String type, String subject, String body, UUID caseId, String caseNumber, UUID personId,
                         Map<String, String> fields, java.util.Collection<UUID> recipients) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into message (id, thread_id, sender_id, idempotency_key, type, subject, body, case_id, case_number, person_id, sent_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp)
                        """).params(id, id, sender, "matrix-" + id, type, subject, body, caseId, caseNumber, personId).update();
        fields.forEach((name, value) -> jdbc.sql("insert into message_field (message_id, name, field_value) values (?, ?, ?)")
                .params(id, name, value).update());
        jdbc.sql("insert into message_addressee (message_id, group_id) values (?, ?)").params(id, unitId).update();
        for (UUID user : recipients) {
            jdbc.sql("insert into message_delivery (message_id, user_id, via_group_id, sent_at) values (?, ?, ?, current_timestamp)")
                    .params(id, user, unitId).update();
        }
        return id;
    }

    private UUID vacantHome;

    /**
     * A vacant somatic apartment at a home that names nobody, so that matching proposes the longest
     * waiting of the queue for it: the queued subject.
     */
    private void vacantApartment(JdbcClient jdbc, UUID reporter, LocalDate today) {
        vacantHome = UUID.randomUUID();
        jdbc.sql("insert into unit (id, name, administration, kind) values (?, 'Matrisboendet', 'Äldre samt vård- och omsorgsförvaltningen', 'NURSING_HOME')")
                .param(vacantHome).update();
        UUID apartment = UUID.randomUUID();
        jdbc.sql("insert into apartment (id, unit_id, number, care_profile, monthly_rent, version) values (?, ?, 'M-1', 'SOMATIC', 6321, 0)")
                .params(apartment, vacantHome).update();
        jdbc.sql("""
                        insert into vacancy (id, apartment_id, reason, event_date, ready_on, reported_by, reported_at, late)
                        values (?, ?, 'MOVE_OUT', ?, ?, ?, current_timestamp, false)
                        """).params(UUID.randomUUID(), apartment, today.minusDays(3), today.plusDays(2), reporter).update();
    }

    /**
     * Removes the placement and message data of the subjects and the homes, so that the test
     * classes after the matrix, which share the database, find the queue, the offers, the homes
     * and the statistics as the demo data makes them. The persons and cases stay, as before.
     */
    public void removeWhereabouts(JdbcClient jdbc) {
        List<UUID> homes = new ArrayList<>(whereabouts.values().stream().map(Whereabouts::homeId).toList());
        homes.add(vacantHome);
        List<UUID> messages = whereabouts.values().stream().flatMap(w -> java.util.stream.Stream.of(w.freeTextMessageId(), w.recordMessageId()))
                .toList();
        List<UUID> cases = whereabouts.keySet().stream().map(caseIds::get).toList();
        for (String table : List.of("message_delivery", "message_field", "message_addressee", "message_attachment")) {
            jdbc.sql("delete from " + table + " where message_id in (:ids)").param("ids", messages).update();
        }
        jdbc.sql("delete from message where id in (:ids)").param("ids", messages).update();
        jdbc.sql("delete from respite_booking where unit_id in (:ids)").param("ids", homes).update();
        jdbc.sql("delete from tenancy where case_id in (:ids)").param("ids", cases).update();
        jdbc.sql("delete from allocation where apartment_id in (select id from apartment where unit_id in (:ids))").param("ids", homes).update();
        jdbc.sql("delete from vacancy where apartment_id in (select id from apartment where unit_id in (:ids))").param("ids", homes).update();
        jdbc.sql("delete from placement_decision where case_id in (:ids)").param("ids", cases).update();
        jdbc.sql("delete from apartment where unit_id in (:ids)").param("ids", homes).update();
        List<String> managers = whereabouts.keySet().stream().map(MatrixFixture::homeManager).toList();
        jdbc.sql("delete from case_authorization where user_id in (select id from app_user where username in (:names))").param("names", managers).update();
        jdbc.sql("delete from app_user where username in (:names)").param("names", managers).update();
        jdbc.sql("delete from unit where id in (:ids)").param("ids", homes).update();
    }

    /** An open order to refuse or carry out, made fresh for each cell that decides one. */
    public UUID openRequest(JdbcClient jdbc, String kind) {
        UUID id = UUID.randomUUID();
        boolean add = kind.equals("ADD");
        LocalDate today = TestClock.TODAY;
        jdbc.sql("""
                        insert into authorization_request (id, kind, case_id, case_number, target_user_id, valid_from, valid_to,
                                                           requested_by, requested_at, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, current_timestamp, 'REQUESTED')
                        """)
                .params(id, kind, caseIds.get(Subject.PROTECTED_REGISTRATION), person(Subject.PROTECTED_REGISTRATION).caseNumber(),
                        grantTargetId, add ? today : null, add ? today.plusDays(30) : null, managerId)
                .update();
        return id;
    }

    /** A fresh unprotected person with an open case in the matrix unit, for a cell that protects one. */
    public String freshPersonCase(JdbcClient jdbc) {
        TestData.Person person = data.person().named("Ny", "Matrisskyddsson").anyAge().create();
        return data.caseFor(person).officer(GRANT_TARGET).subject("Matrisärende för lokalt skydd").create().number();
    }

    /** A fresh open case of the ordinary subject, with the grant target responsible, for a cell that closes one. */
    public String freshCase(JdbcClient jdbc) {
        return data.caseFor(person(Subject.ORDINARY).id()).officer(GRANT_TARGET).subject("Matrisärende att avsluta").create().number();
    }

    /** A fresh open log review with no items, opened by the given user, for a cell that reads or concludes one. */
    public UUID freshReview(JdbcClient jdbc, String reviewer) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into audit_review (id, reviewer_user_id, reviewer_username, period_from, period_to, events_in_scope, sample_size,
                                                  status, created_at)
                        values (?, (select u.id from app_user u where u.username = ?), ?, ?, ?, 0, 0, 'OPEN', current_timestamp)
                        """).params(id, reviewer, reviewer, TestClock.TODAY, TestClock.TODAY).update();
        return id;
    }

    /** A fresh "ej person" deviation, for a cell that attaches one. */
    public UUID freshDeviation(JdbcClient jdbc) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into deviation (id, reported_by, reported_at, reporter_unit_id, description)
                        values (?, ?, current_timestamp, ?, 'Nyckel saknades vid besöket')
                        """).params(id, grantTargetId, unitId).update();
        return id;
    }

    /**
     * A fresh message from the grant target to the given user (none if null) about the protected
     * subject's case, with a field that locates the person: for cells that open, read or archive one.
     */
    public UUID freshMessage(JdbcClient jdbc, String recipient) {
        UUID id = UUID.randomUUID();
        Person p = person(Subject.PROTECTED_REGISTRATION);
        jdbc.sql("""
                        insert into message (id, thread_id, sender_id, idempotency_key, type, subject, body, case_id, case_number, person_id, sent_at)
                        values (?, ?, ?, ?, 'PLACE_OFFER', ?, 'Erbjudande enligt rutinen', ?, ?, ?, current_timestamp)
                        """)
                .params(id, id, grantTargetId, "matrix-" + id, p.caseNumber(), caseIds.get(Subject.PROTECTED_REGISTRATION), p.caseNumber(), p.id())
                .update();
        jdbc.sql("insert into message_field (message_id, name, field_value) values (?, 'apartment', ?)")
                .params(id, Subject.PROTECTED_REGISTRATION.canary("apartment")).update();
        attach(jdbc, id, p);
        if (recipient != null) {
            UUID user = jdbc.sql("select id from app_user where username = ?").param(recipient).query(UUID.class).single();
            jdbc.sql("insert into message_delivery (message_id, user_id, sent_at) values (?, ?, current_timestamp)").params(id, user).update();
        }
        return id;
    }

    /**
     * A fresh message from the grant target to the given user about the subject's case, with an
     * attachment whose name and content name the subject (MSG-7): the path that downloads it.
     */
    public String freshAttachment(JdbcClient jdbc, String recipient, Person p) {
        UUID id = UUID.randomUUID();
        UUID caseId = jdbc.sql("select id from care_case where case_number = ?").param(p.caseNumber()).query(UUID.class).single();
        jdbc.sql("""
                        insert into message (id, thread_id, sender_id, idempotency_key, type, subject, body, case_id, case_number, person_id, sent_at)
                        values (?, ?, ?, ?, 'FREE_TEXT', ?, 'Nivåmätningen bifogas', ?, ?, ?, current_timestamp)
                        """)
                .params(id, id, grantTargetId, "matrix-" + id, p.caseNumber(), caseId, p.caseNumber(), p.id()).update();
        UUID attachment = attach(jdbc, id, p);
        UUID user = jdbc.sql("select id from app_user where username = ?").param(recipient).query(UUID.class).single();
        jdbc.sql("insert into message_delivery (message_id, user_id, sent_at) values (?, ?, current_timestamp)").params(id, user).update();
        return "/api/v1/messages/" + id + "/attachments/" + attachment;
    }

    /** A PDF whose name holds the person's first-name canary and whose content holds the last-name one. */
    private static UUID attach(JdbcClient jdbc, UUID message, Person p) {
        UUID id = UUID.randomUUID();
        byte[] pdf = ("%PDF-1.4\n% Nivåmätning " + p.canaries().get(0) + " " + p.canaries().get(1) + "\n%%EOF\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        jdbc.sql("""
                        insert into message_attachment (id, message_id, ordinal, filename, content_type, size_bytes, sha256, content)
                        values (?, ?, 1, ?, 'application/pdf', ?, ?, ?)
                        """)
                .params(id, message, "Nivåmätning " + p.canaries().get(0) + ".pdf", (long) pdf.length, "0".repeat(64), pdf).update();
        return id;
    }

    /** A live authorisation of the grant target, for a cell that revokes one. */
    public UUID grantToRevoke(JdbcClient jdbc, Subject subject) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into case_authorization (id, user_id, case_id, person_id, valid_from, valid_to, granted_by, granted_at)
                        values (?, ?, ?, ?, ?, ?, ?, current_timestamp)
                        """)
                .params(id, grantTargetId, caseIds.get(subject), person(subject).id(), TestClock.TODAY, TestClock.TODAY.plusDays(30), managerId)
                .update();
        return id;
    }

    private static void authorise(JdbcClient jdbc, UUID user, UUID caseId, UUID personId, AuthState state, LocalDate today, UUID grantedBy) {
        LocalDate from;
        LocalDate to;
        switch (state) {
            case NONE -> { return; }
            case VALID, REVOKED -> { from = today.minusDays(10); to = today.plusDays(80); }
            case EXPIRED -> { from = today.minusDays(200); to = today.minusDays(1); }
            case NOT_YET_VALID -> { from = today.plusDays(1); to = today.plusDays(60); }
            default -> throw new IllegalArgumentException();
        }
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                        insert into case_authorization (id, user_id, case_id, person_id, valid_from, valid_to, granted_by, granted_at, revoked_at, revoked_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(UUID.randomUUID(), user, caseId, personId, from, to, grantedBy, now,
                        state == AuthState.REVOKED ? now : null, state == AuthState.REVOKED ? grantedBy : null)
                .update();
    }
}
