package se.omsorgsnav.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
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
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;
import se.omsorgsnav.support.TestData;

/** The offer, its one-day answer and the answer (PLC-5, PLC-6, PLC-7), through the API. */
@OmsorgsnavTest
class OfferTests {

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

    private MockHttpServletResponse postJson(String username, String path, String json) throws Exception {
        return as(username, post(path).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** A vacant apartment ready on 20 November and a queued decision, allocated; the allocation's id. */
    private UUID allocation(UUID[] apartmentOut, UUID[] decisionOut) throws Exception {
        UUID apartment = UUID.randomUUID();
        jdbc.sql("""
                        insert into apartment (id, unit_id, number, care_profile, monthly_rent, version)
                        select ?, id, ?, 'DEMENTIA', 6500, 0 from unit where name = 'Solgårdens vård- och omsorgsboende'
                        """).params(apartment, "O" + UUID.randomUUID().toString().substring(0, 6)).update();
        jdbc.sql("""
                        insert into vacancy (id, apartment_id, reason, event_date, ready_on, reported_by, reported_at, late)
                        select ?, ?, 'DEATH', ?, ?, id, current_timestamp, false from app_user where username = 'chef-solgarden'
                        """).params(UUID.randomUUID(), apartment, TestClock.TODAY.minusDays(4), TestClock.TODAY.plusDays(2)).update();
        TestData.Person person = data.person().named("Erbjuden", "Svarsson").create();
        TestData.Case careCase = data.caseFor(person).subject("Vård- och omsorgsboende").openedOn(TestClock.TODAY.minusDays(40)).create();
        UUID decision = data.decision(careCase).careProfile("DEMENTIA").livingAt("HOSPITAL").decidedOn(TestClock.TODAY.minusDays(20)).create().id();
        MockHttpServletResponse allocated = postJson("boendesamordnare", "/api/v1/placement/allocations",
                "{\"decisionId\":\"%s\",\"apartmentId\":\"%s\"}".formatted(decision, apartment));
        assertThat(allocated.getStatus()).as(body(allocated)).isEqualTo(201);
        apartmentOut[0] = apartment;
        decisionOut[0] = decision;
        return UUID.fromString(JsonPath.read(body(allocated), "$.id"));
    }

    @Test
    @DisplayName("PLC-5, PLC-6, PLC-13: an offer unanswered past the next working day is flagged; accepted, the move-in is within seven days of the apartment being ready unless a reason is given, and BOSAM gets the move-in message")
    void acceptedOffer() throws Exception {
        UUID[] apartment = new UUID[1];
        UUID[] decision = new UUID[1];
        UUID id = allocation(apartment, decision);
        // Offered Friday 13 November: the answer was due Monday 16; on Wednesday 18 it is overdue.
        assertThat(postJson("chef-solgarden", "/api/v1/placement/allocations/" + id + "/offer", "{\"offeredOn\":\"2026-11-13\"}").getStatus())
                .isEqualTo(204);
        String overdue = body(as("boendesamordnare", get("/api/v1/placement/offers/overdue")));
        assertThat(JsonPath.<List<String>>read(overdue, "$[?(@.allocationId == '" + id + "')].answerDueOn")).containsExactly("2026-11-16");

        // Ready 20 November: a move-in on 30 November needs a reason.
        MockHttpServletResponse late = postJson("chef-solgarden", "/api/v1/placement/allocations/" + id + "/answer",
                "{\"answer\":\"ACCEPT\",\"answeredOn\":\"2026-11-18\",\"moveInOn\":\"2026-11-30\"}");
        assertThat(late.getStatus()).isEqualTo(400);
        assertThat(body(late)).contains("inom sju dagar").contains("2026-11-27");
        MockHttpServletResponse accepted = postJson("chef-solgarden", "/api/v1/placement/allocations/" + id + "/answer",
                "{\"answer\":\"ACCEPT\",\"answeredOn\":\"2026-11-18\",\"moveInOn\":\"2026-11-25\"}");
        assertThat(accepted.getStatus()).as(body(accepted)).isEqualTo(204);
        assertThat(jdbc.sql("select rent_from from allocation where id = ?").param(id).query(String.class).single()).startsWith("2026-11-20");
        assertThat(jdbc.sql("select status from placement_decision where id = ?").param(decision[0]).query(String.class).single()).isEqualTo("ACCEPTED");
        UUID moveIn = jdbc.sql("select id from message where idempotency_key = ?").param("accepted-" + id).query(UUID.class).single();
        assertThat(jdbc.sql("select type from message where id = ?").param(moveIn).query(String.class).single()).isEqualTo("MOVE_IN");
        assertThat(jdbc.sql("select u.username from message_delivery d join app_user u on u.id = d.user_id where d.message_id = ?").param(moveIn)
                .query(String.class).list()).contains("boendesamordnare", "boendesamordnare2", "avgift");
        assertThat(body(as("boendesamordnare", get("/api/v1/placement/offers/overdue")))).doesNotContain(id.toString());
    }

    @Test
    @DisplayName("PLC-7: a declined offer is recorded, the person stays in the queue and the apartment can be allocated again")
    void declinedOffer() throws Exception {
        UUID[] apartment = new UUID[1];
        UUID[] decision = new UUID[1];
        UUID id = allocation(apartment, decision);
        postJson("chef-solgarden", "/api/v1/placement/allocations/" + id + "/offer", "{\"offeredOn\":\"2026-11-18\"}");
        assertThat(postJson("chef-solgarden", "/api/v1/placement/allocations/" + id + "/answer",
                "{\"answer\":\"DECLINE\",\"answeredOn\":\"2026-11-18\"}").getStatus()).isEqualTo(204);
        assertThat(jdbc.sql("select status, answered_on from allocation where id = ?").param(id).query().singleRow())
                .containsEntry("status", "DECLINED");
        assertThat(jdbc.sql("select status from placement_decision where id = ?").param(decision[0]).query(String.class).single()).isEqualTo("QUEUED");
        assertThat(body(as("boendesamordnare", get("/api/v1/placement/queue")))).contains(decision[0].toString());
        MockHttpServletResponse again = postJson("boendesamordnare", "/api/v1/placement/allocations",
                "{\"decisionId\":\"%s\",\"apartmentId\":\"%s\"}".formatted(decision[0], apartment[0]));
        assertThat(again.getStatus()).as(body(again)).isEqualTo(201);
    }

    @Test
    @DisplayName("PLC-5, PLC-11: only the agreed offer-maker records the offer; anyone else is told Behörighet saknas")
    void onlyTheOfferMaker() throws Exception {
        UUID id = allocation(new UUID[1], new UUID[1]);
        for (String other : List.of("enhetschef", "assistent", "handlaggare")) {
            assertThat(postJson(other, "/api/v1/placement/allocations/" + id + "/offer", "{\"offeredOn\":\"2026-11-18\"}").getStatus())
                    .as(other).isEqualTo(403);
        }
        assertThat(postJson("chef-solgarden", "/api/v1/placement/allocations/" + UUID.randomUUID() + "/offer", "{\"offeredOn\":\"2026-11-18\"}")
                .getStatus()).isEqualTo(403);
    }
}
