package se.omsorgsnav.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;
import se.omsorgsnav.support.TestData;

/** The placement pages: the coordinator's matching and the case officer's move-in reminder. */
@OmsorgsnavTest
class PlacementPageTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired UserDetailsService users;

    private MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
    }

    private static String body(MockHttpServletResponse r) throws Exception {
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    private UUID apartment(String number, String profile) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into apartment (id, unit_id, number, care_profile, version)
                        select ?, id, ?, ?, 0 from unit where name = 'Solgårdens vård- och omsorgsboende'
                        """).params(id, number, profile).update();
        jdbc.sql("""
                        insert into vacancy (id, apartment_id, reason, event_date, ready_on, reported_by, reported_at, late)
                        select ?, ?, 'MOVE_OUT', ?, ?, id, current_timestamp, false from app_user where username = 'chef-solgarden'
                        """).params(UUID.randomUUID(), id, TestClock.TODAY.minusDays(2), TestClock.TODAY.plusDays(1)).update();
        return id;
    }

    private String[] decision(String profile, int waitedDays, String wishes) {
        TestData.Person person = data.person().named("Matchad", "Sidsson").create();
        TestData.Case careCase = data.caseFor(person).subject("Vård- och omsorgsboende").openedOn(TestClock.TODAY.minusDays(300)).create();
        UUID decision = data.decision(careCase).careProfile(profile).wishes(wishes, null, null).decidedOn(TestClock.TODAY.minusDays(waitedDays))
                .create().id();
        String number = careCase.number();
        return new String[] {decision.toString(), number};
    }

    @Test
    @DisplayName("PLC-4, PLC-9, UX-2: the coordinator allocates from the matching page (a second try is a 409 page); after acceptance the case officer's start page says when to close other services")
    void matchAllocateAndRemind() throws Exception {
        String number = "M" + UUID.randomUUID().toString().substring(0, 5);
        UUID apartment = apartment(number, "DEMENTIA");
        String[] longest = decision("DEMENTIA", 250, null);
        String[] wished = decision("DEMENTIA", 10, "Solgården");
        String page = matchingPageWith(number);
        int section = page.indexOf("lägenhet " + number);
        assertThat(section).isPositive();
        String candidates = page.substring(section, page.indexOf("</section>", section));
        assertThat(candidates.indexOf(wished[1])).as("who wished for the home comes first").isLessThan(candidates.indexOf(longest[1]));

        MockHttpServletResponse allocated = as("boendesamordnare", post("/placement/allocations").with(csrf()).param("decisionId", wished[0])
                .param("apartmentId", apartment.toString()).param("offerMaker", "UNIT_MANAGER"));
        assertThat(allocated.getStatus()).isEqualTo(302);
        MockHttpServletResponse again = as("boendesamordnare", post("/placement/allocations").with(csrf()).param("decisionId", longest[0])
                .param("apartmentId", apartment.toString()).param("offerMaker", "UNIT_MANAGER"));
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(body(again)).contains("redan tilldelats");

        UUID allocation = jdbc.sql("select id from allocation where decision_id = ?").param(UUID.fromString(wished[0])).query(UUID.class).single();
        jdbc.sql("update allocation set status = 'ACCEPTED', offered_on = ?, answered_on = ?, move_in_on = ? where id = ?")
                .params(TestClock.TODAY, TestClock.TODAY, TestClock.TODAY.plusDays(7), allocation).update();
        jdbc.sql("update placement_decision set status = 'ACCEPTED' where id = ?").param(UUID.fromString(wished[0])).update();
        // Move-in Wednesday 25 November: other services closed by Tuesday 24.
        String start = body(as("handlaggare", get("/")));
        assertThat(start).contains("Inflyttningar på vård- och omsorgsboende").contains(wished[1]).contains("2026-11-24");
    }

    /** The matching page that shows this apartment: the first, or a later one by the "next page" links. */
    private String matchingPageWith(String number) throws Exception {
        String path = "/placement/matching";
        for (int pages = 0; pages < 50; pages++) {
            String page = body(as("boendesamordnare", get(path)));
            if (page.contains("lägenhet " + number + "<")) {
                return page;
            }
            java.util.regex.Matcher next = java.util.regex.Pattern.compile("href=\"(/placement/matching\\?efter=[^\"]+)\">Nästa sida").matcher(page);
            assertThat(next.find()).as("apartment " + number + " on some page").isTrue();
            path = next.group(1).replace("&amp;", "&");
        }
        throw new AssertionError("more than 50 pages");
    }

    @Test
    @DisplayName("PLC-4, issue 7: the matching page counts the whole queue, pages through every vacant apartment exactly once, and ranks a newest decision that wished for the home among the candidates")
    void matchingPagesThroughAllVacantApartments() throws Exception {
        String prefix = "Q" + UUID.randomUUID().toString().substring(0, 4);
        for (int i = 0; i < 45; i++) {
            apartment(prefix + "-" + i, i % 2 == 0 ? "SOMATIC" : "DEMENTIA");
        }
        String[] wished = decision("SOMATIC", 1, "Gärna Solgården");
        long queued = jdbc.sql("select count(*) from placement_decision where status = 'QUEUED'").query(Long.class).single();
        java.util.Set<String> seen = new java.util.HashSet<>();
        String path = "/placement/matching";
        String first = null;
        for (int pages = 0; path != null && pages < 50; pages++) {
            String page = body(as("boendesamordnare", get(path)));
            if (first == null) {
                first = page;
            }
            java.util.regex.Matcher apartment = java.util.regex.Pattern.compile("lägenhet (" + prefix + "-\\d+)<").matcher(page);
            while (apartment.find()) {
                assertThat(seen.add(apartment.group(1))).as("shown once: " + apartment.group(1)).isTrue();
            }
            java.util.regex.Matcher next = java.util.regex.Pattern.compile("href=\"(/placement/matching\\?efter=[^\"]+)\">Nästa sida").matcher(page);
            path = next.find() ? next.group(1).replace("&amp;", "&") : null;
        }
        assertThat(seen).hasSize(45);
        assertThat(first).contains("<span>" + queued + "</span> beslut väntar");
        String somatic = matchingPageWith(prefix + "-0");
        int section = somatic.indexOf("lägenhet " + prefix + "-0<");
        assertThat(somatic.substring(section, somatic.indexOf("</section>", section))).as("the newest decision, wishing for the home, is a candidate")
                .contains(wished[1]);
    }

    @Test
    @DisplayName("PLC-1, PLC-5, PLC-6, PLC-8, UX-2: the case officer signs in the browser; the home's manager records offer and answer and the assistant executes, each on their page")
    void stepsInTheBrowser() throws Exception {
        String[] target = decision("SOMATIC", 5, null);
        String caseNumber = jdbc.sql("select c.case_number from placement_decision d join care_case c on c.id = d.case_id where d.id = ?")
                .param(UUID.fromString(target[0])).query(String.class).single();
        jdbc.sql("update placement_decision set status = 'WITHDRAWN' where id = ?").param(UUID.fromString(target[0])).update();
        assertThat(body(as("handlaggare", get("/placement/decisions/new")))).contains("Signera beslutet");
        MockHttpServletResponse signed = as("handlaggare", post("/placement/decisions").with(csrf()).param("caseNumber", caseNumber)
                .param("careProfile", "SOMATIC").param("decidedOn", "2026-11-10").param("currentResidence", "HOSPITAL")
                .param("specialReasons", "Demens"));
        assertThat(signed.getStatus()).as(body(signed)).isEqualTo(302);
        UUID decision = jdbc.sql("""
                select d.id from placement_decision d join care_case c on c.id = d.case_id where c.case_number = ? and d.status = 'QUEUED'
                """).param(caseNumber).query(UUID.class).single();

        UUID apartment = apartment("P" + UUID.randomUUID().toString().substring(0, 5), "SOMATIC");
        assertThat(as("boendesamordnare", post("/placement/allocations").with(csrf()).param("decisionId", decision.toString())
                .param("apartmentId", apartment.toString()).param("offerMaker", "UNIT_MANAGER")).getStatus()).isEqualTo(302);
        UUID allocation = jdbc.sql("select id from allocation where decision_id = ?").param(decision).query(UUID.class).single();
        assertThat(body(as("chef-solgarden", get("/placement/offers")))).contains(caseNumber).contains("Erbjudandet är lämnat");
        assertThat(as("chef-solgarden", post("/placement/allocations/" + allocation + "/offer").with(csrf()).param("offeredOn", "2026-11-17"))
                .getStatus()).isEqualTo(302);
        assertThat(as("chef-solgarden", post("/placement/allocations/" + allocation + "/answer").with(csrf()).param("answer", "ACCEPT")
                .param("answeredOn", "2026-11-18").param("moveInOn", "2026-11-19")).getStatus()).isEqualTo(302);
        assertThat(body(as("assistent", get("/placement/offers")))).contains("Verkställ beslutet");
        MockHttpServletResponse early = as("assistent", post("/placement/allocations/" + allocation + "/execution").with(csrf())
                .param("executedOn", "2026-11-18"));
        assertThat(early.getStatus()).as("not before the move-in").isEqualTo(400);
        assertThat(jdbc.sql("select status from placement_decision where id = ?").param(decision).query(String.class).single()).isEqualTo("ACCEPTED");
        assertThat(body(as("handlaggare", get("/placement/offers")))).as("the unit manager makes this offer, not the case officer")
                .doesNotContain(caseNumber);
        assertThat(as("avgift", get("/placement/offers")).getStatus()).isEqualTo(403);
    }
}
