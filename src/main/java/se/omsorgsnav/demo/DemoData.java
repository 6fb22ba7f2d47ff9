package se.omsorgsnav.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Seeds the demo once, into an empty database. */
@Component
@ConditionalOnProperty(name = "omsorgsnav.demo.seed", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "Omsorg2026!";
    /** Every demo user's step-up PIN (PROT-10). */
    static final String PIN = "246810";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String AUTHORITY = "Äldre samt vård- och omsorgsförvaltningen";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final String datasourceUrl;
    private final boolean allowExternalDatabase;
    private final Map<String, UUID> ids = new HashMap<>();

    DemoData(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, @Value("${spring.datasource.url}") String datasourceUrl,
             @Value("${omsorgsnav.demo.allow-external-database:false}") boolean allowExternalDatabase) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
        this.datasourceUrl = datasourceUrl;
        this.allowExternalDatabase = allowExternalDatabase;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!datasourceUrl.startsWith("jdbc:h2:") && !allowExternalDatabase) {
            throw new IllegalStateException("The demo profile seeds users with known passwords and runs only on the embedded "
                    + "H2 database. Remove the demo profile when a production datasource is configured.");
        }
        if (jdbc.sql("select count(*) from app_user").query(Long.class).single() > 0) {
            return;
        }
        units();
        users();
        messageGroups();
        apartments();
        persons();
        cases();
        authorisations();
        log.info("Demo data seeded: {} users, {} persons", ids.keySet().stream().filter(k -> k.startsWith("user:")).count(),
                ids.keySet().stream().filter(k -> k.startsWith("person:")).count());
    }

    private void units() {
        unit("centrum", "Myndighet Centrum", AUTHORITY, "AUTHORITY");
        unit("norr", "Myndighet Norr", AUTHORITY, "AUTHORITY");
        unit("hemtjanst", "Hemtjänst Centrum", AUTHORITY, "HOME_CARE");
        unit("solgarden", "Solgårdens vård- och omsorgsboende", AUTHORITY, "NURSING_HOME");
        unit("bosam", "Boendesamordningen (BoSam)", AUTHORITY, "PLACEMENT");
        unit("jouren", "Trygghetsjouren", AUTHORITY, "ALARM_CENTRE");
        unit("avgift", "Avgiftshandläggning", AUTHORITY, "FEES");
        unit("lvs", "Lokalt verksamhetsstöd", AUTHORITY, "SYSTEM_SUPPORT");
        unit("ffs", "Funktionsstöd Myndighet", "Förvaltningen för funktionsstöd", "AUTHORITY");
    }

    private void users() {
        user("handlaggare", "Anna Lindqvist", "CASE_OFFICER", "centrum", false);
        user("handlaggare2", "Erik Nyström", "CASE_OFFICER", "norr", false);
        user("forste", "Maria Holm", "SENIOR_CASE_OFFICER", "centrum", false);
        user("enhetschef", "Karin Berg", "UNIT_MANAGER", "centrum", false);
        user("boendesamordnare", "Johan Ek", "PLACEMENT_COORDINATOR", "bosam", false);
        user("boendesamordnare2", "Amina Yusuf", "PLACEMENT_COORDINATOR", "bosam", false);
        user("assistent", "Sara Wik", "ADMIN_ASSISTANT", "solgarden", false);
        user("chef-solgarden", "Helena Borg", "UNIT_MANAGER", "solgarden", false);
        user("verksamhetsledare", "Lars Dahl", "OPERATIONS_LEAD", "hemtjanst", false);
        user("avgift", "Eva Strand", "FEE_OFFICER", "avgift", false);
        user("planerare", "Nils Fors", "HOME_CARE_PLANNER", "hemtjanst", false);
        user("larm", "Ida Sjö", "ALARM_OPERATOR", "jouren", false);
        user("lvs", "Per Grahn", "SYSTEM_SUPPORT", "lvs", true);
        user("sas", "Lena Ros", "SOCIAL_SAFETY_COORDINATOR", "centrum", false);
    }

    /** Each user in their unit's message group, and the send lists of the routines (MSG-2, seed 000, 002 §2.2). */
    private void messageGroups() {
        jdbc.sql("""
                insert into message_group (id, name, kind, unit_id)
                select u.id, u.name, 'UNIT', u.id from unit u where not exists (select 1 from message_group g where g.unit_id = u.id)
                """).update();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (String key : ids.keySet().stream().filter(k -> k.startsWith("user:")).sorted().toList()) {
            UUID user = ids.get(key);
            UUID unit = jdbc.sql("select unit_id from app_user where id = ?").param(user).query(UUID.class).single();
            jdbc.sql("insert into message_group_member (group_id, user_id, added_at) values (?, ?, ?)").params(unit, user, now).update();
        }
        groupMember("BOSAM", "boendesamordnare");
        groupMember("Boendesamordnare", "boendesamordnare");
        groupMember("BOSAM", "boendesamordnare2");
        groupMember("Boendesamordnare", "boendesamordnare2");
        groupMember("Avgiftshandläggare", "avgift");
        groupMember("LVS admin sekretessbehörighet", "lvs");
        groupMember("Trygghetsjouren uppdragsmottagare", "larm");
        // Who answers for each system group's unread messages (MSG-6); a unit's group answers to its managers.
        responsible("BOSAM", "verksamhetsledare");
        responsible("Boendesamordnare", "verksamhetsledare");
        responsible("Avgiftshandläggare", "verksamhetsledare");
        responsible("Trygghetsjouren uppdragsmottagare", "verksamhetsledare");
        responsible("LVS admin sekretessbehörighet", "lvs");
    }

    /** Solgården's apartments, kept by its unit manager (PLC-3). */
    private void apartments() {
        String[][] rows = {{"11", "SOMATIC", null, "6450"}, {"12", "DEMENTIA", null, "6500"}, {"14", "SOMATIC", "Litet badrum", "6100"},
                {"15", "DEMENTIA", null, "6500"}, {"21", "SOMATIC", "Balkong mot parken", "6900"}, {"22", "DEMENTIA", null, "6500"}};
        for (String[] r : rows) {
            jdbc.sql("insert into apartment (id, unit_id, number, care_profile, remarks, monthly_rent, version) values (?, ?, ?, ?, ?, ?, 0)")
                    .params(UUID.randomUUID(), ids.get("unit:solgarden"), r[0], r[1], r[2], new java.math.BigDecimal(r[3])).update();
        }
    }

    private void responsible(String systemGroup, String username) {
        jdbc.sql("update message_group set responsible_user_id = ? where kind = 'SYSTEM' and name = ?")
                .params(ids.get("user:" + username), systemGroup).update();
    }

    private void groupMember(String systemGroup, String username) {
        UUID group = jdbc.sql("select id from message_group where kind = 'SYSTEM' and name = ?").param(systemGroup).query(UUID.class).single();
        jdbc.sql("insert into message_group_member (group_id, user_id, added_at) values (?, ?, ?)")
                .params(group, ids.get("user:" + username), OffsetDateTime.now(clock)).update();
    }

    private void persons() {
        person("greta", "193805089145", "Greta", "Andersson", "Storgatan 1", "411 01", "Göteborg", "031-100 10 10", "NONE", null, null);
        person("bo", "196503143254", "Bo", "Andersson", "Lillgatan 4", "412 02", "Göteborg", "070-100 10 11", "NONE", null, null);
        link("greta", "bo", "RELATIVE");

        person("astrid", "194203109147", "Astrid", "Karlsson", "Ekvägen 7", "433 33", "Partille", "070-200 20 20",
                "PROTECTED_REGISTRATION", "Rut Berg", null);
        person("olle", "196809139295", "Olle", "Karlsson", "Björkvägen 2", "433 34", "Partille", "070-200 20 21", "NONE", null, null);
        person("sven", "194001279050", "Sven", "Karlsson", "Ekvägen 7", "433 33", "Partille", null, "NONE", null, null);
        link("astrid", "olle", "RELATIVE");
        link("astrid", "sven", "CO_RESIDENT");

        person("harald", "193511308292", "Harald", "Nilsson", "Granvägen 12", "415 05", "Göteborg", "031-300 30 30",
                "CONFIDENTIALITY_MARKING", null, null);
        person("ingrid", "196005272809", "Ingrid", "Nilsson", "Tallvägen 3", "415 06", "Göteborg", "070-300 30 31", "NONE", null, null);
        link("harald", "ingrid", "RELATIVE");

        person("birgitta", "194707262202", "Birgitta", "Lund", "Sjögatan 9", "414 63", "Göteborg", "070-400 40 40",
                "LOCAL_PROTECTION", "Maj Ek", null);

        person("elsa", "194102069046", "Elsa", "Svensson", "Parkgatan 5", "411 38", "Göteborg", "031-500 50 50", "NONE", null, null);
        person("karl", "192906188798", "Karl", "Berglund", "Hamngatan 2", "411 14", "Göteborg", null, "NONE", null,
                LocalDate.now(clock).minusDays(20));
    }

    private void cases() {
        LocalDate today = LocalDate.now(clock);
        caseOf("greta-hemtjanst", "greta", "centrum", "handlaggare", "Ansökan om hemtjänst", today.minusDays(40), null);
        caseOf("astrid-sabo", "astrid", "centrum", "handlaggare", "Ansökan om vård- och omsorgsboende", today.minusDays(12), null);
        caseOf("astrid-korttid", "astrid", "centrum", "handlaggare", "Korttidsboende", today.minusDays(400), today.minusDays(300));
        caseOf("harald-larm", "harald", "centrum", "forste", "Ansökan om trygghetslarm", today.minusDays(30), null);
        caseOf("birgitta-hemtjanst", "birgitta", "centrum", "handlaggare", "Ansökan om hemtjänst", today.minusDays(5), null);
        caseOf("elsa-hemtjanst", "elsa", "norr", "handlaggare2", "Ansökan om hemtjänst", today.minusDays(8), null);
    }

    private void authorisations() {
        LocalDate today = LocalDate.now(clock);
        authorise("handlaggare", "astrid-sabo", today.minusDays(30), today.plusDays(335), false);
        authorise("handlaggare", "birgitta-hemtjanst", today.minusDays(5), today.plusDays(80), false);
        authorise("handlaggare", "harald-larm", today.minusDays(400), today.minusDays(35), false);
        authorise("forste", "harald-larm", today.minusDays(30), today.plusDays(300), false);
        authorise("enhetschef", "astrid-sabo", today.minusDays(30), today.plusDays(335), false);
        authorise("enhetschef", "harald-larm", today.minusDays(30), today.plusDays(335), false);
        authorise("planerare", "astrid-sabo", today.plusDays(10), today.plusDays(100), false);
        authorise("larm", "harald-larm", today.minusDays(30), today.plusDays(300), true);
    }

    private void unit(String key, String name, String administration, String kind) {
        UUID id = UUID.randomUUID();
        ids.put("unit:" + key, id);
        jdbc.sql("insert into unit (id, name, administration, kind) values (?, ?, ?, ?)").params(id, name, administration, kind).update();
    }

    private void user(String username, String fullName, String role, String unit, boolean grantRight) {
        UUID id = UUID.randomUUID();
        ids.put("user:" + username, id);
        String email = username + "@demo.omsorgsnav.invalid";
        jdbc.sql("""
                        insert into app_user (id, username, full_name, email, password_hash, pin_hash, role, unit_id, grant_right, enabled)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, true)
                        """)
                .params(id, username, fullName, email, passwords.encode(PASSWORD), passwords.encode(PIN), role, ids.get("unit:" + unit), grantRight)
                .update();
    }

    private void person(String key, String pin, String first, String last, String street, String postal, String city, String phone,
                        String level, String alias, LocalDate died) {
        UUID id = UUID.randomUUID();
        ids.put("person:" + key, id);
        Locale sv = Locale.forLanguageTag("sv-SE");
        jdbc.sql("""
                        insert into person (id, personal_identity_number, first_name, last_name, street_address, postal_code, city, phone,
                                            protection_level, fictitious_name, date_of_death, registered_at, last_name_search, first_name_search)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(id, pin, first, last, street, postal, city, phone, level, alias, died, OffsetDateTime.now(clock),
                        last.toLowerCase(sv), first.toLowerCase(sv))
                .update();
    }

    private void link(String person, String related, String kind) {
        jdbc.sql("insert into person_relation (id, person_id, related_person_id, kind) values (?, ?, ?, ?)")
                .params(UUID.randomUUID(), ids.get("person:" + person), ids.get("person:" + related), kind).update();
    }

    private void caseOf(String key, String person, String unit, String officer, String subject, LocalDate opened, LocalDate closed) {
        UUID id = UUID.randomUUID();
        ids.put("case:" + key, id);
        ids.put("case-person:" + key, ids.get("person:" + person));
        long sequence = jdbc.sql("select nextval('case_number_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into care_case (id, case_number, person_id, unit_id, case_officer_id, subject, status, opened_on, closed_on)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(id, "AO-%04d-%05d".formatted(opened.getYear(), sequence), ids.get("person:" + person), ids.get("unit:" + unit),
                        ids.get("user:" + officer), subject, closed == null ? "OPEN" : "CLOSED", opened, closed)
                .update();
    }

    private void authorise(String username, String caseKey, LocalDate from, LocalDate to, boolean revoked) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                        insert into case_authorization (id, user_id, case_id, person_id, valid_from, valid_to, granted_by, granted_at,
                                                        revoked_at, revoked_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(UUID.randomUUID(), ids.get("user:" + username), ids.get("case:" + caseKey), ids.get("case-person:" + caseKey),
                        from, to, ids.get("user:lvs"), now.minusDays(1), revoked ? now.minusHours(2) : null, revoked ? ids.get("user:lvs") : null)
                .update();
    }
}
