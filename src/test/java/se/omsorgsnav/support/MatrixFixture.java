package se.omsorgsnav.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.omsorgsnav.access.Role;

/**
 * Test data for the authorisation matrix and the canary scan: one user per role and
 * authorisation state, and subjects of every protection level whose every identifying field holds
 * a unique canary string. Written straight into the tables: it is the world the tests look at,
 * not behaviour under test.
 */
public final class MatrixFixture {

    public enum AuthState { NONE, VALID, EXPIRED, NOT_YET_VALID, REVOKED }

    public enum Subject {
        PROTECTED_REGISTRATION("19310405", "981", "PROTECTED_REGISTRATION", "Matrisalias Ett", true),
        CONFIDENTIALITY_MARKING("19320506", "982", "CONFIDENTIALITY_MARKING", null, true),
        LOCAL_PROTECTION("19330607", "983", "LOCAL_PROTECTION", "Matrisalias Tre", true),
        /** No protection of its own; relative of the PROTECTED_REGISTRATION subject (PROT-5). */
        LINKED_RELATIVE("19640708", "984", "NONE", null, false),
        ORDINARY("19340809", "985", "NONE", null, true);

        final String birthDate;
        final String serial;
        final String level;
        final String alias;
        public final boolean hasCase;

        Subject(String birthDate, String serial, String level, String alias, boolean hasCase) {
            this.birthDate = birthDate;
            this.serial = serial;
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

    /** A colleague outside the matrix whom workflow cells grant, order and revoke for. */
    public static final String GRANT_TARGET = "m_grant_target";
    /** Every matrix user's PIN. */
    public static final String PIN = "135792";

    public record Person(UUID id, String pin, String tenDigitPin, String caseNumber, List<String> canaries) {}

    private final Map<Subject, Person> persons = new EnumMap<>(Subject.class);
    private final Map<String, AuthState> userStates = new LinkedHashMap<>();
    private final Map<String, Role> userRoles = new LinkedHashMap<>();
    private UUID unitId;
    private UUID grantTargetId;
    private UUID managerId;
    private final Map<Subject, UUID> caseIds = new EnumMap<>(Subject.class);

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
        UUID officer = userIds.get(username(Role.CASE_OFFICER, AuthState.NONE));
        f.grantTargetId = UUID.randomUUID();
        jdbc.sql("""
                        insert into app_user (id, username, full_name, email, password_hash, role, unit_id, grant_right, enabled)
                        values (?, ?, 'Matris Mottagare', 'mottagare@test.invalid', ?, 'CASE_OFFICER', ?, false, true)
                        """).params(f.grantTargetId, GRANT_TARGET, hash, f.unitId).update();
        f.managerId = userIds.get(username(Role.UNIT_MANAGER, AuthState.NONE));
        OffsetDateTime now = OffsetDateTime.now();
        for (Subject s : Subject.values()) {
            String pin = TestPins.of(s.birthDate, s.serial);
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                            insert into person (id, personal_identity_number, first_name, last_name, street_address, postal_code, city, phone,
                                                protection_level, fictitious_name, registered_at, last_name_search, first_name_search)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(id, pin, s.canary("first"), s.canary("last"), s.canary("street") + " 1", "XQ" + s.ordinal() + "01",
                            s.canary("city"), s.canary("phone"), s.level, s.alias, now,
                            s.canary("last").toLowerCase(Locale.ROOT), s.canary("first").toLowerCase(Locale.ROOT))
                    .update();
            String caseNumber = null;
            UUID caseId = null;
            if (s.hasCase) {
                long seq = jdbc.sql("select nextval('case_number_seq')").query(Long.class).single();
                caseNumber = "AO-%04d-%05d".formatted(today.getYear(), seq);
                caseId = UUID.randomUUID();
                f.caseIds.put(s, caseId);
                jdbc.sql("""
                                insert into care_case (id, case_number, person_id, unit_id, case_officer_id, subject, status, opened_on)
                                values (?, ?, ?, ?, ?, 'Matrisärende', 'OPEN', ?)
                                """).params(caseId, caseNumber, id, f.unitId, officer, today.minusDays(3)).update();
            }
            String digits = pin.substring(4); // MMDDNNNN: what a full number has and a masked one never shows
            List<String> canaries = new ArrayList<>(List.of(s.canary("first"), s.canary("last"), s.canary("street"), s.canary("city"),
                    s.canary("phone"), "XQ" + s.ordinal() + "01", digits, digits.substring(0, 4) + "-" + digits.substring(4), s.canary("apartment")));
            if (s.alias != null) {
                // PROT-13: the alias only for staff of the unit that performs her services, which no matrix user is.
                canaries.add(s.alias);
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
        return f;
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

    private int freshPersons;

    /** A fresh unprotected person with an open case in the matrix unit, for a cell that protects one. */
    public String freshPersonCase(JdbcClient jdbc) {
        UUID person = UUID.randomUUID();
        jdbc.sql("""
                        insert into person (id, personal_identity_number, first_name, last_name, protection_level, registered_at,
                                            last_name_search, first_name_search)
                        values (?, ?, 'Ny', 'Matrisskyddsson', 'NONE', current_timestamp, 'matrisskyddsson', 'ny')
                        """).params(person, TestPins.nth(1921, "99", freshPersons++)).update();
        long seq = jdbc.sql("select nextval('case_number_seq')").query(Long.class).single();
        String number = "AO-%04d-%05d".formatted(TestClock.TODAY.getYear(), seq);
        jdbc.sql("""
                        insert into care_case (id, case_number, person_id, unit_id, case_officer_id, subject, status, opened_on)
                        values (?, ?, ?, ?, ?, 'Matrisärende för lokalt skydd', 'OPEN', ?)
                        """).params(UUID.randomUUID(), number, person, unitId, grantTargetId, TestClock.TODAY).update();
        return number;
    }

    /** A fresh open case of the ordinary subject, with the grant target responsible, for a cell that closes one. */
    public String freshCase(JdbcClient jdbc) {
        long seq = jdbc.sql("select nextval('case_number_seq')").query(Long.class).single();
        String number = "AO-%04d-%05d".formatted(TestClock.TODAY.getYear(), seq);
        jdbc.sql("""
                        insert into care_case (id, case_number, person_id, unit_id, case_officer_id, subject, status, opened_on)
                        values (?, ?, ?, ?, ?, 'Matrisärende att avsluta', 'OPEN', ?)
                        """).params(UUID.randomUUID(), number, person(Subject.ORDINARY).id(), unitId, grantTargetId, TestClock.TODAY).update();
        return number;
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
