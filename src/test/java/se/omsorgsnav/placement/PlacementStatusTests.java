package se.omsorgsnav.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import se.omsorgsnav.shared.ConflictException;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;
import se.omsorgsnav.support.TestData;

/** The decision's and the allocation's status machines (issue 14 §1): one place for the moves, a version compared on every change. */
@OmsorgsnavTest
class PlacementStatusTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired UserDetailsService users;
    @Autowired PlacementDecisions decisions;

    /** A decision of a person of its own, allocated to an apartment of Solgården whose unit manager makes the offer. */
    private UUID[] allocated() {
        TestData.Person person = data.person().named("Status", "Maskinsson").create();
        TestData.Case careCase = data.caseFor(person).subject("Vård- och omsorgsboende").openedOn(TestClock.TODAY.minusDays(60)).create();
        UUID apartment = UUID.randomUUID();
        jdbc.sql("insert into apartment (id, unit_id, number, care_profile, version) select ?, id, ?, 'SOMATIC', 0 from unit where name = ?")
                .params(apartment, "M" + UUID.randomUUID().toString().substring(0, 6), "Solgårdens vård- och omsorgsboende").update();
        UUID decision = data.decision(careCase).status("ALLOCATED").decidedOn(TestClock.TODAY.minusDays(20)).create().id();
        UUID allocation = data.allocation(decision, apartment).create();
        return new UUID[] {decision, allocation};
    }

    private MockHttpServletResponse postJson(String username, String path, String json) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json).with(user(users.loadUserByUsername(username))))
                .andReturn().getResponse();
    }

    @Test
    @DisplayName("Step order: an answer before the offer was recorded is a step out of turn: 409 in Swedish, nothing changed")
    void illegalTransitionIsAConflict() throws Exception {
        UUID[] ids = allocated();
        MockHttpServletResponse early = postJson("chef-solgarden", "/api/v1/placement/allocations/" + ids[1] + "/answer",
                "{\"answer\":\"ACCEPT\",\"answeredOn\":\"2026-11-18\",\"moveInOn\":\"2026-11-20\"}");
        assertThat(early.getStatus()).isEqualTo(409);
        assertThat(early.getContentAsString(StandardCharsets.UTF_8)).contains("Erbjudandet är inte registrerat");
        assertThat(jdbc.sql("select status from allocation where id = ?").param(ids[1]).query(String.class).single()).isEqualTo("ALLOCATED");
        assertThat(DecisionStatus.EXECUTED.canMoveTo(DecisionStatus.QUEUED)).isFalse();
        assertThatThrownBy(() -> DecisionStatus.QUEUED.to(DecisionStatus.EXECUTED)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("kan inte ändras så");
    }

    @Test
    @DisplayName("Versions: a decision changed by someone else since it was read is not overwritten: the stale version is refused (409)")
    void staleVersionIsRefused() {
        UUID[] ids = allocated();
        PlacementDecisions.Current stale = decisions.find(ids[0]).orElseThrow();
        jdbc.sql("update placement_decision set version = version + 1 where id = ?").param(ids[0]).update();
        assertThatThrownBy(() -> decisions.move(stale, DecisionStatus.OFFERED)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("Någon annan har hunnit ändra beslutet");
        assertThat(jdbc.sql("select status from placement_decision where id = ?").param(ids[0]).query(String.class).single()).isEqualTo("ALLOCATED");
        PlacementDecisions.Current fresh = decisions.find(ids[0]).orElseThrow();
        decisions.move(fresh, DecisionStatus.OFFERED);
        assertThat(jdbc.sql("select status, version from placement_decision where id = ?").param(ids[0]).query().singleRow())
                .containsEntry("status", "OFFERED").containsEntry("version", fresh.version() + 1);
    }
}
