package se.omsorgsnav.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.omsorgsnav.access.StepUp;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.support.AsUser;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;

/** AUD-3 (search by person, user, unit, period, in keyset pages) and PROT-23 (a person's access extract). */
@OmsorgsnavTest
class AuditTrailTests {

    @Autowired AuditTrail trail;
    @Autowired AuditLog audit;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired PlatformTransactionManager transactions;

    @Test
    @DisplayName("AUD-3: the log is searched by person and user in keyset pages that neither skip nor repeat an event, and the search is logged")
    void keysetPagesCoverEverything() {
        UUID person = UUID.randomUUID();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            List<AuditEntry> entries = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                entries.add(new AuditEntry(person, null, AuditAction.VIEW, "TEST", AuditOutcome.ALLOWED));
            }
            // Same instant for all (fixed clock): the id breaks the tie, so paging must still be exact.
            audit.recordAll(new AuditActor(null, "granskad", "CASE_OFFICER", null, "127.0.0.1"), entries);
        });
        try (var manager = AsUser.login(users, DemoUsers.UNIT_MANAGER)) {
            Set<UUID> seen = new HashSet<>();
            String cursor = null;
            int pages = 0;
            do {
                AuditTrail.Page page = trail.search(new AuditTrail.Query(person, "granskad", null, TestClock.TODAY, TestClock.TODAY), cursor, 10, "TEST_SEARCH");
                page.entries().forEach(e -> assertThat(seen.add(e.id())).as("repeated").isTrue());
                cursor = page.next();
                pages++;
            } while (cursor != null);
            assertThat(seen).hasSize(25);
            assertThat(pages).isEqualTo(3);
            assertThatThrownBy(() -> trail.search(new AuditTrail.Query(person, null, null, null, null), "inte-en-markör", 10, "TEST_SEARCH"))
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThat(jdbc.sql("select count(*) from audit_event where purpose = 'TEST_SEARCH' and actor_username = ? and person_id = ?")
                .params(DemoUsers.UNIT_MANAGER, person).query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    @DisplayName("AUD-3: only managers, LVS and SAS may search the log")
    void onlyReviewersSearch() throws Exception {
        assertThat(mvc.perform(get("/api/v1/audit").with(user(users.loadUserByUsername(DemoUsers.AUTHORISED)))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/v1/audit").param("user", DemoUsers.AUTHORISED).with(user(users.loadUserByUsername(DemoUsers.UNIT_MANAGER))))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    @DisplayName("A period date beyond four-digit years is a Swedish 400, not a 500 from PostgreSQL's timestamps (found by sqlmap/curl, issue 15)")
    void periodBeyondFourDigitYearsIsRefused() throws Exception {
        var response = mvc.perform(get("/api/v1/audit").param("from", "+999999999-12-01").with(user(users.loadUserByUsername(DemoUsers.UNIT_MANAGER))))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("Datumet ska skrivas ÅÅÅÅ-MM-DD.");
    }

    @Test
    @DisplayName("PROT-23: a unit manager who may open the person produces the person's access extract: who, when, what")
    void accessExtract() throws Exception {
        UUID astrid = jdbc.sql("select id from person where personal_identity_number = ?").param(DemoUsers.PROTECTED_PIN.replace("-", ""))
                .query(UUID.class).single();
        // An access to find in the extract, made by this test so that it stands on its own.
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/persons/lookup")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"personalIdentityNumber\":\"" + DemoUsers.PROTECTED_PIN + "\"}")
                .with(user(users.loadUserByUsername(DemoUsers.AUTHORISED))));
        String page = mvc.perform(get("/persons/" + astrid + "/access-extract").with(user(users.loadUserByUsername(DemoUsers.UNIT_MANAGER)))
                        .sessionAttr(StepUp.SESSION_ATTRIBUTE, TestClock.NOW))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("Loggutdrag för <span>Astrid Karlsson</span>").contains("2026-11-18 10:00").contains(DemoUsers.AUTHORISED).contains("banner-protected");
        assertThat(mvc.perform(get("/persons/" + astrid + "/access-extract").with(user(users.loadUserByUsername(DemoUsers.AUTHORISED)))
                .sessionAttr(StepUp.SESSION_ATTRIBUTE, TestClock.NOW)).andReturn().getResponse().getStatus()).as("not a unit manager").isEqualTo(403);
    }

    @Test
    @DisplayName("PROT-23: the access extract pages through every event and is handed over whole as a CSV file without personal data in its name")
    void accessExtractPagesAndExports() throws Exception {
        UUID greta = jdbc.sql("select id from person where personal_identity_number = ?").param(DemoUsers.ORDINARY_PIN.replace("-", ""))
                .query(UUID.class).single();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            List<AuditEntry> entries = new ArrayList<>();
            for (int i = 0; i < 230; i++) {
                entries.add(new AuditEntry(greta, null, AuditAction.VIEW, "PERSON_PAGE", AuditOutcome.ALLOWED));
            }
            audit.recordAll(new AuditActor(null, "utdragstest", "CASE_OFFICER", null, "127.0.0.1"), entries);
        });
        long total = jdbc.sql("select count(*) from audit_event where person_id = ?").param(greta).query(Long.class).single();
        var manager = user(users.loadUserByUsername(DemoUsers.UNIT_MANAGER));

        String first = mvc.perform(get("/persons/" + greta + "/access-extract").with(manager)).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(first).contains("Äldre händelser").contains("Biståndshandläggare").contains("Öppnade");
        String older = first.substring(first.indexOf("access-extract?cursor=")).split("\"")[0].replace("&amp;", "&");
        String second = mvc.perform(get("/persons/" + greta + "/" + older).with(manager)).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(second).contains("Till de nyaste").contains("utdragstest");

        var csv = mvc.perform(get("/persons/" + greta + "/access-extract.csv").with(manager)).andReturn().getResponse();
        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"loggutdrag-" + TestClock.TODAY + ".csv\"");
        String body = csv.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).startsWith("\uFEFFLoggutdrag;Greta Andersson 19380508-9145");
        // Every event before the export is in the file: header lines plus one line per event.
        assertThat(body.lines().filter(l -> l.contains(";utdragstest;")).count()).isEqualTo(230);
        assertThat(body.lines().count()).isGreaterThanOrEqualTo(total + 4);
    }

    @Test
    @DisplayName("PROT-3 (fault 6): who, in which unit and for what purpose handled a protected person is shown only to a reviewer authorised for her or to SAS")
    void protectedPersonsAccessesAreMaskedForOtherReviewers() throws Exception {
        UUID astrid = jdbc.sql("select id from person where personal_identity_number = ?").param(DemoUsers.PROTECTED_PIN.replace("-", ""))
                .query(UUID.class).single();
        UUID unit = UUID.randomUUID();
        String actor = "skyddstest-" + UUID.randomUUID().toString().substring(0, 6);
        new TransactionTemplate(transactions).executeWithoutResult(tx -> audit.record(new AuditActor(null, actor, "ADMIN_ASSISTANT", unit, "10.9.8.7"),
                new AuditEntry(astrid, null, AuditAction.VIEW, "WELCOME_TALK", AuditOutcome.ALLOWED)));

        // An operations lead reviews logs but holds no authorisation for Astrid: the event is there, but not who, where or why.
        String byPerson = search("verksamhetsledare", "person", astrid.toString());
        assertThat(byPerson).contains("\"masked\":true").doesNotContain(actor).doesNotContain(unit.toString()).doesNotContain("WELCOME_TALK")
                .doesNotContain("10.9.8.7");
        // Searching by the user or the unit would itself name them: the event is left out.
        assertThat(search("verksamhetsledare", "user", actor)).doesNotContain(astrid.toString()).doesNotContain("WELCOME_TALK");
        assertThat(search("verksamhetsledare", "unit", unit.toString())).doesNotContain(astrid.toString()).doesNotContain("WELCOME_TALK");

        // SAS holds the review right for protected persons; the unit manager holds an authorisation for Astrid.
        for (String cleared : List.of("sas", DemoUsers.UNIT_MANAGER)) {
            assertThat(search(cleared, "person", astrid.toString())).as(cleared).contains(actor).contains(unit.toString()).contains("WELCOME_TALK");
        }
    }

    private String search(String reviewer, String parameter, String value) throws Exception {
        var response = mvc.perform(get("/api/v1/audit").param(parameter, value).with(user(users.loadUserByUsername(reviewer)))).andReturn().getResponse();
        assertThat(response.getStatus()).as(reviewer).isEqualTo(200);
        return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
