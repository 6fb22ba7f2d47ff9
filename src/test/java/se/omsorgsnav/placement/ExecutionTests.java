package se.omsorgsnav.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;
import se.omsorgsnav.support.TestData;

/** Executing the decision (PLC-8) and the decisions not executed within three months (PLC-12). */
@OmsorgsnavTest
class ExecutionTests {

    private static int serial;

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired UserDetailsService users;

    private MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
    }

    /** A decision of the given date and status for a person of its own; its id. */
    private UUID decision(LocalDate decidedOn, String status, String protection) {
        TestData.Person person = data.person().named("Verkställd", "Ivosson").protectedBy(protection).create();
        TestData.Case careCase = data.caseFor(person).subject("Vård- och omsorgsboende").openedOn(decidedOn.minusDays(10)).create();
        return data.decision(careCase).status(status).decidedOn(decidedOn).create().id();
    }

    /** An accepted allocation at Solgården with the given move-in date; its id. */
    private UUID accepted(LocalDate moveIn) {
        UUID decision = decision(TestClock.TODAY.minusDays(30), "ACCEPTED", "NONE");
        UUID apartment = UUID.randomUUID();
        jdbc.sql("""
                        insert into apartment (id, unit_id, number, care_profile, version)
                        select ?, id, ?, 'SOMATIC', 0 from unit where name = 'Solgårdens vård- och omsorgsboende'
                        """).params(apartment, "E" + UUID.randomUUID().toString().substring(0, 6)).update();
        UUID allocation = data.allocation(decision, apartment).status("ACCEPTED").offeredOn(moveIn.minusDays(3))
                .answered(moveIn.minusDays(2), moveIn, moveIn.minusDays(2)).create();
        return allocation;
    }

    private MockHttpServletResponse execute(String username, UUID allocation, String executedOn) throws Exception {
        return as(username, post("/api/v1/placement/allocations/" + allocation + "/execution").contentType(MediaType.APPLICATION_JSON)
                .content("{\"executedOn\":\"%s\",\"landlordNotifiedOn\":\"%s\"}".formatted(executedOn, executedOn)));
    }

    @Test
    @DisplayName("PLC-8, PLC-13: the home's admin assistant executes the decision; later than the next working day after move-in is marked late, across a weekend")
    void executionOnTimeAndLate() throws Exception {
        UUID onTime = accepted(LocalDate.of(2026, 11, 17));
        assertThat(execute("assistent", onTime, "2026-11-18").getStatus()).isEqualTo(204);
        UUID late = accepted(LocalDate.of(2026, 11, 13));
        assertThat(execute("assistent", late, "2026-11-18").getStatus()).isEqualTo(204);
        Map<String, Object> lateRow = jdbc.sql("""
                select d.status, d.execution_late, d.execution_due_on, d.landlord_notified_on from placement_decision d
                join allocation l on l.decision_id = d.id where l.id = ?
                """).param(late).query().singleRow();
        assertThat(lateRow.get("status")).isEqualTo("EXECUTED");
        assertThat(lateRow.get("execution_late")).isEqualTo(true);
        assertThat(lateRow.get("execution_due_on").toString()).isEqualTo("2026-11-16");
        assertThat(jdbc.sql("select d.execution_late from placement_decision d join allocation l on l.decision_id = d.id where l.id = ?")
                .param(onTime).query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("select count(*) from allocation where id = ? and active_apartment_id is null").param(onTime).query(Long.class).single())
                .as("the apartment is lived in, and allocatable after its next vacancy").isEqualTo(1);

        MockHttpServletResponse twice = execute("assistent", onTime, "2026-11-18");
        assertThat(twice.getStatus()).isEqualTo(409);
        assertThat(execute("assistent", accepted(LocalDate.of(2026, 11, 17)), "2026-11-16").getStatus()).as("before the move-in").isEqualTo(400);
        assertThat(execute("handlaggare", accepted(LocalDate.of(2026, 11, 17)), "2026-11-18").getStatus()).isEqualTo(403);
    }

    @Test
    @DisplayName("PLC-12: decisions not executed three months after the decision date are listed for IVO, at the boundary day; masked when protected; exportable")
    void unexecutedAfterThreeMonths() throws Exception {
        // TestClock: 18 November 2026. Three months back is 18 August.
        UUID onBoundary = decision(LocalDate.of(2026, 8, 18), "QUEUED", "NONE");
        UUID dayAfter = decision(LocalDate.of(2026, 8, 19), "QUEUED", "NONE");
        UUID executed = decision(LocalDate.of(2026, 6, 1), "EXECUTED", "NONE");
        UUID protectedOne = decision(LocalDate.of(2026, 7, 1), "OFFERED", "PROTECTED_REGISTRATION");
        String list = new String(as("verksamhetsledare", get("/api/v1/placement/unexecuted")).getContentAsByteArray(), StandardCharsets.UTF_8);
        List<String> numbers = JsonPath.read(list, "$[*].caseNumber");
        assertThat(numbers).contains(caseOf(onBoundary), caseOf(protectedOne)).doesNotContain(caseOf(dayAfter), caseOf(executed));
        assertThat(JsonPath.<List<Integer>>read(list, "$[?(@.caseNumber == '" + caseOf(onBoundary) + "')].daysSinceDecision")).containsExactly(92);
        assertThat(JsonPath.<List<Boolean>>read(list, "$[?(@.caseNumber == '" + caseOf(protectedOne) + "')].masked")).containsExactly(true);
        assertThat(JsonPath.<List<String>>read(list, "$[?(@.caseNumber == '" + caseOf(protectedOne) + "')].personName").get(0))
                .doesNotContain("Ivosson");
        MockHttpServletResponse csv = as("verksamhetsledare", get("/placement/unexecuted.csv"));
        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(new String(csv.getContentAsByteArray(), StandardCharsets.UTF_8)).contains(caseOf(onBoundary)).contains("Dagar sedan beslut");
        assertThat(as("handlaggare", get("/api/v1/placement/unexecuted")).getStatus()).isEqualTo(403);
    }

    private String caseOf(UUID decision) {
        return jdbc.sql("select c.case_number from placement_decision d join care_case c on c.id = d.case_id where d.id = ?").param(decision)
                .query(String.class).single();
    }

    @Test
    @DisplayName("PLC-10: after move-in the placement team records a wish to be moved; it shows beside the queue, withheld when the person is masked")
    void relocationWish() throws Exception {
        UUID placed = decision(LocalDate.of(2026, 9, 1), "EXECUTED", "NONE");
        UUID placedProtected = decision(LocalDate.of(2026, 9, 2), "EXECUTED", "PROTECTED_REGISTRATION");
        UUID queued = decision(LocalDate.of(2026, 11, 1), "QUEUED", "NONE");
        String wish = "Närmare dottern i Partille " + serial;
        for (UUID d : List.of(placed, placedProtected)) {
            assertThat(as("boendesamordnare", post("/api/v1/placement/decisions/" + d + "/relocation-wish").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"wish\":\"" + wish + "\"}")).getStatus()).isEqualTo(204);
        }
        MockHttpServletResponse early = as("boendesamordnare", post("/api/v1/placement/decisions/" + queued + "/relocation-wish")
                .contentType(MediaType.APPLICATION_JSON).content("{\"wish\":\"Annat boende\"}"));
        assertThat(early.getStatus()).isEqualTo(400);
        assertThat(as("handlaggare", post("/api/v1/placement/decisions/" + placed + "/relocation-wish").contentType(MediaType.APPLICATION_JSON)
                .content("{\"wish\":\"x\"}")).getStatus()).isEqualTo(403);
        String list = new String(as("boendesamordnare", get("/api/v1/placement/relocation-wishes")).getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(list, "$[?(@.caseNumber == '" + caseOf(placed) + "')].wish")).containsExactly(wish);
        assertThat(JsonPath.<List<Object>>read(list, "$[?(@.caseNumber == '" + caseOf(placedProtected) + "')].wish")).containsExactly((Object) null);
        String page = new String(as("boendesamordnare", get("/placement/queue")).getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(page).contains("Önskemål om omplacering").contains(caseOf(placed)).contains(caseOf(placedProtected));
        assertThat(new String(as("verksamhetsledare", get("/placement/unexecuted")).getContentAsByteArray(), StandardCharsets.UTF_8))
                .contains("Ej verkställda beslut efter tre månader");
    }
}
