package se.omsorgsnav.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.omsorgsnav.access.StepUp;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;
import se.omsorgsnav.support.TestData;

/**
 * Issue 14 §2 and fault 4 for placement: a protected person's placement — her home, apartment,
 * offer and move-in dates — reaches only those with a valid authorisation for her case, on every
 * list the routine has; the rows are still there (counts are not cut, PROT-24), and each row shown
 * is audited. Fixtures are written in SQL so that each test also runs against the code before the
 * fix (where it fails).
 */
@OmsorgsnavTest
class PlacementProtectionTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired UserDetailsService users;

    private MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username))).sessionAttr(StepUp.SESSION_ATTRIBUTE, TestClock.NOW))
                .andReturn().getResponse();
    }

    private MockHttpServletResponse postJson(String username, String path, String json) throws Exception {
        return as(username, post(path).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String body(MockHttpServletResponse r) throws Exception {
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    /** A protected person's case, its officer 'handlaggare' (no authorisation unless granted). */
    private record Locked(UUID personId, UUID caseId, String caseNumber) {}

    private Locked lockedCase() {
        TestData.Person person = data.person().named("Skyddad", "Placeradsson").protectedBy("PROTECTED_REGISTRATION").create();
        return caseOf(person.id());
    }

    private Locked caseOf(UUID person) {
        TestData.Case c = data.caseFor(person).subject("Vård- och omsorgsboende").openedOn(TestClock.TODAY.minusDays(60)).create();
        return new Locked(person, c.id(), c.number());
    }

    private static TestData.Case asCase(Locked locked) {
        return new TestData.Case(locked.caseId(), locked.caseNumber(), locked.personId());
    }

    private void authorise(String username, Locked locked) {
        data.authorise(username, asCase(locked), TestClock.TODAY.minusDays(1), TestClock.TODAY.plusDays(60));
    }

    /** An apartment of Solgården with a number no other test uses: the canary of where she lives. */
    private record Placed(UUID apartmentId, String apartment, UUID decisionId, UUID allocationId) {}

    private String home() {
        return "Solgårdens vård- och omsorgsboende";
    }

    /** The case's decision with an allocation at Solgården in the given state, written as the routine would have. */
    private Placed placed(Locked locked, String status, String offerMaker) {
        UUID apartment = UUID.randomUUID();
        String number = "K" + UUID.randomUUID().toString().substring(0, 6);
        jdbc.sql("""
                        insert into apartment (id, unit_id, number, care_profile, monthly_rent, version)
                        select ?, id, ?, 'SOMATIC', 6123, 0 from unit where name = ?
                        """).params(apartment, number, home()).update();
        jdbc.sql("""
                        insert into vacancy (id, apartment_id, reason, event_date, ready_on, reported_by, reported_at, late)
                        select ?, ?, 'MOVE_OUT', ?, ?, id, ?, false from app_user where username = 'chef-solgarden'
                        """).params(UUID.randomUUID(), apartment, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 3),
                OffsetDateTime.parse("2026-11-01T08:00:00+01:00")).update();
        UUID decision = data.decision(asCase(locked)).status(status).decidedOn(LocalDate.of(2026, 10, 1)).create().id();
        boolean allocated = status.equals("ALLOCATED");
        boolean accepted = status.equals("ACCEPTED");
        TestData.AllocationBuilder allocation = data.allocation(decision, apartment)
                .allocatedBy("boendesamordnare", OffsetDateTime.parse("2026-11-05T09:00:00+01:00")).offerMaker(offerMaker)
                .status(status.equals("QUEUED") ? "ALLOCATED" : status)
                .offered(allocated ? null : LocalDate.of(2026, 11, 9), allocated ? null : LocalDate.of(2026, 11, 10),
                        "Svar inom en arbetsdag efter erbjudandet (rutin 003)");
        if (accepted) {
            allocation.answered(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 10))
                    .closeServicesBy(LocalDate.of(2026, 11, 20), Offers.CLOSE_SERVICES_RULE);
        }
        if (status.equals("EXECUTED")) {
            allocation.inactive();
        }
        return new Placed(apartment, number, decision, allocation.create());
    }

    private long audited(String username, Locked locked, String outcome) {
        return jdbc.sql("select count(*) from audit_event where actor_username = ? and case_id = ? and action = 'LIST' and outcome = ?")
                .params(username, locked.caseId(), outcome).query(Long.class).single();
    }

    @Test
    @DisplayName("PROT-3, PROT-24: an overdue offer of a protected person shows the coordinator without an authorisation the case number only, "
            + "no home or apartment, on the API and the queue page; the row is kept and audited as masked")
    void overdueOffersAreMasked() throws Exception {
        Locked locked = lockedCase();
        Placed placed = placed(locked, "OFFERED", "COORDINATOR");
        String api = body(as("boendesamordnare", get("/api/v1/placement/offers/overdue")));
        assertThat(JsonPath.<List<String>>read(api, "$[?(@.allocationId == '" + placed.allocationId() + "')].caseNumber"))
                .as("the row is counted").containsExactly(locked.caseNumber());
        assertThat(JsonPath.<List<Object>>read(api, "$[?(@.allocationId == '" + placed.allocationId() + "')].home")).containsExactly((Object) null);
        assertThat(api).doesNotContain(placed.apartment());
        String page = body(as("boendesamordnare", get("/placement/queue")));
        assertThat(page).contains(locked.caseNumber()).doesNotContain(placed.apartment());
        assertThat(audited("boendesamordnare", locked, "MASKED")).as("each listed row audited").isGreaterThanOrEqualTo(2);

        // With an authorisation for the case, the same row shows the home and the apartment, audited as shown.
        authorise("boendesamordnare2", locked);
        String authorised = body(as("boendesamordnare2", get("/api/v1/placement/offers/overdue")));
        assertThat(authorised).contains(placed.apartment()).contains(home());
        assertThat(audited("boendesamordnare2", locked, "ALLOWED")).isPositive();
    }

    @Test
    @DisplayName("PROT-3: the offers page and the coordinator's start-page tasks name no apartment of a protected person without an authorisation")
    void offersAndTasksAreMasked() throws Exception {
        Locked locked = lockedCase();
        Placed placed = placed(locked, "ALLOCATED", "COORDINATOR");
        for (String path : List.of("/placement/offers", "/")) {
            String page = body(as("boendesamordnare", get(path)));
            assertThat(page).as(path).doesNotContain(placed.apartment());
        }
        assertThat(body(as("boendesamordnare", get("/placement/offers")))).contains(locked.caseNumber()).doesNotContain("Erbjudandet är lämnat");
        assertThat(audited("boendesamordnare", locked, "MASKED")).isPositive();
        // Nor may the unauthorised coordinator record the offer, which would name the apartment to her.
        assertThat(postJson("boendesamordnare", "/api/v1/placement/allocations/" + placed.allocationId() + "/offer",
                "{\"offeredOn\":\"2026-11-18\"}").getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from audit_event where actor_username = 'boendesamordnare' and case_id = ? and outcome = 'DENIED' "
                + "and purpose = 'RECORD_OFFER'").param(locked.caseId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("PROT-3: the home's staff without an authorisation see only that their apartment is taken under a case number: no dates, no steps")
    void homeSeesOnlyTheTakenApartment() throws Exception {
        Locked locked = lockedCase();
        Placed placed = placed(locked, "ACCEPTED", "CASE_OFFICER");
        jdbc.sql("update placement_decision set status = 'ACCEPTED' where id = ?").param(placed.decisionId()).update();
        for (String username : List.of("chef-solgarden", "assistent")) {
            String page = body(as(username, get("/placement/offers")));
            int at = page.indexOf(locked.caseNumber());
            assertThat(at).as(username + " sees the apartment taken under the case number").isNotNegative();
            String section = page.substring(page.lastIndexOf("<section", at), page.indexOf("</section>", at));
            assertThat(section).contains(placed.apartment()).doesNotContain("2026-11-23").doesNotContain("2026-11-10")
                    .doesNotContain("Verkställ beslutet").doesNotContain("Underlag till fastighetsägaren");
        }
        assertThat(postJson("assistent", "/api/v1/placement/allocations/" + placed.allocationId() + "/execution", "{\"executedOn\":\"2026-11-23\"}")
                .getStatus()).as("executing opens her case: an authorisation is needed").isEqualTo(403);
    }

    @Test
    @DisplayName("PROT-3, PROT-24: a protected person's respite booking shows the coordinator without an authorisation the case number only")
    void respiteBookingsAreMasked() throws Exception {
        Locked locked = lockedCase();
        jdbc.sql("""
                        insert into respite_booking (id, unit_id, case_id, from_date, to_date, booked_by, booked_at)
                        select ?, u.id, ?, ?, ?, s.id, current_timestamp from unit u, app_user s where u.name = ? and s.username = 'boendesamordnare2'
                        """).params(UUID.randomUUID(), locked.caseId(), LocalDate.of(2026, 12, 14), LocalDate.of(2026, 12, 19), home()).update();
        String api = body(as("boendesamordnare", get("/api/v1/placement/respite-bookings")));
        assertThat(JsonPath.<List<Object>>read(api, "$[?(@.caseNumber == '" + locked.caseNumber() + "')].home")).containsExactly((Object) null);
        assertThat(JsonPath.<List<Object>>read(api, "$[?(@.caseNumber == '" + locked.caseNumber() + "')].fromDate")).containsExactly((Object) null);
        String page = body(as("boendesamordnare", get("/placement/respite")));
        int at = page.indexOf(locked.caseNumber());
        String row = page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
        assertThat(row).doesNotContain("Solgården").doesNotContain("2026-12-14").doesNotContain("Amina Yusuf");
        assertThat(audited("boendesamordnare", locked, "MASKED")).isPositive();
    }

    @Test
    @DisplayName("PROT-26: the case officer's move-in reminder names the home only with an authorisation for that case, not for another case of hers")
    void moveInReminderAsksTheCatalogue() throws Exception {
        Locked locked = lockedCase();
        Locked other = caseOf(locked.personId());
        authorise("handlaggare", other);
        placed(locked, "ACCEPTED", "COORDINATOR");
        jdbc.sql("update placement_decision set status = 'ACCEPTED' where case_id = ?").param(locked.caseId()).update();
        String start = body(as("handlaggare", get("/")));
        int at = start.indexOf(locked.caseNumber(), start.indexOf("inflyttningar"));
        assertThat(at).as("the reminder is listed").isNotNegative();
        String row = start.substring(start.lastIndexOf("<tr", at), start.indexOf("</tr>", at));
        assertThat(row).doesNotContain("Solgården");
    }

    @Test
    @DisplayName("PROT-3: a protected person's allocation needs the coordinator's authorisation, and the agreed offer maker's, checked when it is recorded")
    void allocationNeedsAuthorisedMakers() throws Exception {
        Locked locked = lockedCase();
        UUID apartment = UUID.randomUUID();
        jdbc.sql("insert into apartment (id, unit_id, number, care_profile, version) select ?, id, ?, 'SOMATIC', 0 from unit where name = ?")
                .params(apartment, "T" + UUID.randomUUID().toString().substring(0, 6), home()).update();
        jdbc.sql("""
                        insert into vacancy (id, apartment_id, reason, event_date, ready_on, reported_by, reported_at, late)
                        select ?, ?, 'MOVE_OUT', ?, ?, id, current_timestamp, false from app_user where username = 'chef-solgarden'
                        """).params(UUID.randomUUID(), apartment, TestClock.TODAY.minusDays(3), TestClock.TODAY.plusDays(2)).update();
        UUID decision = data.decision(asCase(locked)).decidedOn(TestClock.TODAY.minusDays(20)).create().id();
        String request = "{\"decisionId\":\"%s\",\"apartmentId\":\"%s\",\"offerMaker\":\"%s\"}";
        assertThat(postJson("boendesamordnare", "/api/v1/placement/allocations", request.formatted(decision, apartment, "COORDINATOR")).getStatus())
                .as("the allocating coordinator has no authorisation").isEqualTo(403);
        authorise("boendesamordnare2", locked);
        MockHttpServletResponse officer = postJson("boendesamordnare2", "/api/v1/placement/allocations",
                request.formatted(decision, apartment, "CASE_OFFICER"));
        assertThat(officer.getStatus()).isEqualTo(400);
        assertThat(body(officer)).contains("Biståndshandläggaren har ingen giltig behörighet");
        MockHttpServletResponse manager = postJson("boendesamordnare2", "/api/v1/placement/allocations",
                request.formatted(decision, apartment, "UNIT_MANAGER"));
        assertThat(manager.getStatus()).isEqualTo(400);
        assertThat(body(manager)).contains("Ingen enhetschef på boendet");
        authorise("chef-solgarden", locked);
        MockHttpServletResponse allocated = postJson("boendesamordnare2", "/api/v1/placement/allocations",
                request.formatted(decision, apartment, "UNIT_MANAGER"));
        assertThat(allocated.getStatus()).as(body(allocated)).isEqualTo(201);
        UUID allocation = UUID.fromString(JsonPath.read(body(allocated), "$.id"));
        // The authorised home manager is the agreed offer maker, and sees the place in full.
        assertThat(body(as("chef-solgarden", get("/placement/offers")))).contains(locked.caseNumber()).contains("Erbjudandet är lämnat");
        assertThat(postJson("chef-solgarden", "/api/v1/placement/allocations/" + allocation + "/offer", "{\"offeredOn\":\"2026-11-18\"}")
                .getStatus()).isEqualTo(204);
    }

    @Test
    @DisplayName("PROT-3: the authorisation is checked again when the offer is recorded: revoked since the allocation, the offer is refused")
    void offerMakerCheckedWhenTheOfferIsRecorded() throws Exception {
        Locked locked = lockedCase();
        authorise("handlaggare", locked);
        Placed placed = placed(locked, "ALLOCATED", "CASE_OFFICER");
        jdbc.sql("update placement_decision set status = 'ALLOCATED' where id = ?").param(placed.decisionId()).update();
        jdbc.sql("update case_authorization set revoked_at = current_timestamp where case_id = ?").param(locked.caseId()).update();
        assertThat(postJson("handlaggare", "/api/v1/placement/allocations/" + placed.allocationId() + "/offer", "{\"offeredOn\":\"2026-11-18\"}")
                .getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("select status from allocation where id = ?").param(placed.allocationId()).query(String.class).single())
                .isEqualTo("ALLOCATED");
    }

    @Test
    @DisplayName("PROT-3: the housing queue withholds a protected person's special reasons, like her wishes and relative, from a masked reader")
    void queueWithholdsSpecialReasons() throws Exception {
        Locked locked = lockedCase();
        String canary = "Skäl" + UUID.randomUUID().toString().substring(0, 8);
        data.decision(asCase(locked)).decidedOn(LocalDate.of(2026, 10, 2)).wishes(null, canary, null).create();
        for (String path : List.of("/api/v1/placement/queue", "/placement/queue")) {
            String text = body(as("boendesamordnare", get(path)));
            assertThat(text).as(path).contains(locked.caseNumber()).doesNotContain(canary);
        }
    }

    @Test
    @DisplayName("PROT-13: a protected tenant's alias is shown to her home's staff, who serve her, and to nobody else without an authorisation; not once the tenancy has ended")
    void aliasOnlyAtTheHomeThatServesHer() throws Exception {
        Locked locked = lockedCase();
        jdbc.sql("update person set fictitious_name = 'Dörrnamn Kanariesson' where id = ?").param(locked.personId()).update();
        Placed placed = placed(locked, "ACCEPTED", "COORDINATOR");
        UUID tenancy = UUID.randomUUID();
        jdbc.sql("insert into tenancy (id, apartment_id, decision_id, case_id, person_id, moved_in_on) values (?, ?, ?, ?, ?, ?)")
                .params(tenancy, placed.apartmentId(), placed.decisionId(), locked.caseId(), locked.personId(), LocalDate.of(2026, 11, 23)).update();
        String pin = jdbc.sql("select personal_identity_number from person where id = ?").param(locked.personId()).query(String.class).single();
        String lookup = "{\"personalIdentityNumber\":\"" + pin + "\"}";

        String atHome = body(postJson("chef-solgarden", "/api/v1/persons/lookup", lookup));
        assertThat(atHome).contains("\"masked\":true").contains("Dörrnamn Kanariesson").doesNotContain("Placeradsson");
        for (String elsewhere : List.of("enhetschef", "boendesamordnare", "avgift", "handlaggare2")) {
            assertThat(body(postJson(elsewhere, "/api/v1/persons/lookup", lookup))).as(elsewhere).contains("\"masked\":true")
                    .doesNotContain("Dörrnamn Kanariesson");
        }
        jdbc.sql("update tenancy set ended_on = ? where id = ?").params(TestClock.TODAY, tenancy).update();
        assertThat(body(postJson("chef-solgarden", "/api/v1/persons/lookup", lookup))).as("moved out").doesNotContain("Dörrnamn Kanariesson");
    }

    /** A queued decision of the case, as the routine writes it. */
    private UUID queued(Locked locked, String residence) {
        return data.decision(asCase(locked)).livingAt(residence).decidedOn(LocalDate.of(2026, 10, 3)).create().id();
    }

    /** The queue page's row of this case. */
    private static String row(String page, String caseNumber) {
        int at = page.indexOf(">" + caseNumber + "<");
        assertThat(at).as("the row is listed").isPositive();
        return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
    }

    @Test
    @DisplayName("PROT-3: the housing queue withholds where a protected person stays now (own home, short stay, hospital) from a masked reader")
    void queueWithholdsCurrentResidence() throws Exception {
        Locked locked = lockedCase();
        UUID decision = queued(locked, "HOSPITAL");
        String api = body(as("boendesamordnare", get("/api/v1/placement/queue")));
        assertThat(JsonPath.<List<String>>read(api, "$[?(@.decisionId == '" + decision + "')].caseNumber")).as("the row is counted")
                .containsExactly(locked.caseNumber());
        assertThat(JsonPath.<List<Object>>read(api, "$[?(@.decisionId == '" + decision + "')].currentResidence")).containsExactly((Object) null);
        assertThat(JsonPath.<List<Object>>read(api, "$[?(@.decisionId == '" + decision + "')].coResident")).as("her household")
                .containsExactly((Object) null);
        String masked = row(body(as("boendesamordnare", get("/placement/queue"))), locked.caseNumber());
        assertThat(masked).doesNotContain("Sjukhus").doesNotContain("Eget boende").doesNotContain("Korttidsboende").contains("Visas inte");

        authorise("boendesamordnare2", locked);
        assertThat(row(body(as("boendesamordnare2", get("/placement/queue"))), locked.caseNumber())).contains("Sjukhus");
    }

    @Test
    @DisplayName("PROT-3, PROT-10: an authorised reader without a recent PIN sees the protected rows masked, and the page says to confirm with the PIN")
    void maskedForWantOfThePinSaysSo() throws Exception {
        Locked locked = lockedCase();
        Placed placed = placed(locked, "OFFERED", "COORDINATOR");
        queued(lockedCase(), "OWN_HOME");
        authorise("boendesamordnare2", locked);
        String prompt = "Bekräfta med PIN-kod";

        MockHttpServletResponse unconfirmed = mvc.perform(get("/placement/queue").with(user(users.loadUserByUsername("boendesamordnare2"))))
                .andReturn().getResponse();
        assertThat(unconfirmed.getStatus()).isEqualTo(200);
        assertThat(body(unconfirmed)).as("fail-closed: still masked").contains(locked.caseNumber()).doesNotContain(placed.apartment())
                .contains(prompt).contains("/step-up?continue=/placement/queue");

        assertThat(body(as("boendesamordnare2", get("/placement/queue")))).as("confirmed: shown, no prompt")
                .contains(placed.apartment()).doesNotContain(prompt);
        MockHttpServletResponse unauthorised = mvc.perform(get("/placement/queue").with(user(users.loadUserByUsername("boendesamordnare"))))
                .andReturn().getResponse();
        assertThat(body(unauthorised)).as("no authorisation: nothing a PIN would show, no prompt").contains(locked.caseNumber())
                .doesNotContain(prompt);
    }
}

