package se.omsorgsnav.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import se.omsorgsnav.shared.ConflictException;
import se.omsorgsnav.support.AsUser;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;
import se.omsorgsnav.support.TestData;

/** Allocating an apartment to a decision (PLC-4, PLC-11): once, even when many try at the same moment. */
@OmsorgsnavTest
class AllocationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired Allocations allocations;
    @Autowired TestData data;

    private UUID solgarden() {
        return jdbc.sql("select id from unit where name = 'Solgårdens vård- och omsorgsboende'").query(UUID.class).single();
    }

    /** A vacant somatic apartment of Solgården. */
    private UUID vacantApartment() {
        UUID apartment = UUID.randomUUID();
        jdbc.sql("insert into apartment (id, unit_id, number, care_profile, version) values (?, ?, ?, 'SOMATIC', 0)")
                .params(apartment, solgarden(), "A" + UUID.randomUUID().toString().substring(0, 6)).update();
        jdbc.sql("""
                        insert into vacancy (id, apartment_id, reason, event_date, ready_on, reported_by, reported_at, late)
                        select ?, ?, 'MOVE_OUT', ?, ?, id, current_timestamp, false from app_user where username = 'chef-solgarden'
                        """).params(UUID.randomUUID(), apartment, TestClock.TODAY.minusDays(3), TestClock.TODAY.plusDays(2)).update();
        return apartment;
    }

    /** A queued somatic decision for a person of its own. */
    private UUID queuedDecision(String protection) {
        TestData.Person person = data.person().named("Tilldelad", "Lägenhetsson").protectedBy(protection).create();
        TestData.Case careCase = data.caseFor(person).subject("Vård- och omsorgsboende").openedOn(TestClock.TODAY.minusDays(40)).create();
        return data.decision(careCase).decidedOn(TestClock.TODAY.minusDays(20)).create().id();
    }

    private record Outcome(int allocated, int conflicts, List<Throwable> other) {}

    private Outcome race(List<Allocations.NewAllocation> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (Allocations.NewAllocation request : requests) {
            Callable<Boolean> task = () -> {
                try (AsUser ignored = AsUser.login(users, "boendesamordnare")) {
                    start.await();
                    allocations.allocate(request);
                    return true;
                }
            };
            results.add(pool.submit(task));
        }
        start.countDown();
        int allocated = 0;
        int conflicts = 0;
        List<Throwable> other = new ArrayList<>();
        for (Future<Boolean> result : results) {
            try {
                if (result.get()) {
                    allocated++;
                }
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof ConflictException) {
                    conflicts++;
                } else {
                    other.add(e.getCause());
                }
            }
        }
        pool.shutdown();
        return new Outcome(allocated, conflicts, other);
    }

    @Test
    @DisplayName("Concurrency: 50 coordinators allocating one apartment at the same moment: exactly one succeeds, the others are told it was taken")
    void fiftyParallelAllocationsOfOneApartment() throws Exception {
        UUID apartment = vacantApartment();
        List<Allocations.NewAllocation> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            requests.add(new Allocations.NewAllocation(queuedDecision("NONE"), apartment, null));
        }
        Outcome outcome = race(requests);
        assertThat(outcome.other()).isEmpty();
        assertThat(outcome.allocated()).isEqualTo(1);
        assertThat(outcome.conflicts()).isEqualTo(49);
        assertThat(jdbc.sql("select count(*) from allocation where apartment_id = ?").param(apartment).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from placement_decision where status = 'ALLOCATED' and id in (:ids)")
                .param("ids", requests.stream().map(Allocations.NewAllocation::decisionId).toList()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("Concurrency: one person allocated to ten apartments at the same moment gets exactly one")
    void onePersonNeverTwice() throws Exception {
        UUID decision = queuedDecision("NONE");
        List<Allocations.NewAllocation> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.add(new Allocations.NewAllocation(decision, vacantApartment(), null));
        }
        Outcome outcome = race(requests);
        assertThat(outcome.other()).isEmpty();
        assertThat(outcome.allocated()).isEqualTo(1);
        assertThat(outcome.conflicts()).isEqualTo(9);
    }

    @Test
    @DisplayName("PLC-4, MSG-3: an allocation over HTTP sends the place offer to the home's group; a second answers 409 in Swedish")
    void allocationOverHttp() throws Exception {
        UUID apartment = vacantApartment();
        UUID decision = queuedDecision("NONE");
        String body = "{\"decisionId\":\"%s\",\"apartmentId\":\"%s\"}".formatted(decision, apartment);
        MockHttpServletResponse first = mvc.perform(post("/api/v1/placement/allocations").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(user(users.loadUserByUsername("boendesamordnare")))).andReturn().getResponse();
        assertThat(first.getStatus()).as(first.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        UUID message = jdbc.sql("select message_id from allocation where decision_id = ?").param(decision).query(UUID.class).single();
        assertThat(jdbc.sql("select u.username from message_delivery d join app_user u on u.id = d.user_id where d.message_id = ?").param(message)
                .query(String.class).list()).contains("chef-solgarden", "assistent");
        MockHttpServletResponse again = mvc.perform(post("/api/v1/placement/allocations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"decisionId\":\"%s\",\"apartmentId\":\"%s\"}".formatted(queuedDecision("NONE"), apartment))
                .with(user(users.loadUserByUsername("boendesamordnare")))).andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.getContentAsString(StandardCharsets.UTF_8)).contains("redan tilldelats");
        MockHttpServletResponse notCoordinator = mvc.perform(post("/api/v1/placement/allocations").contentType(MediaType.APPLICATION_JSON)
                .content(body).with(user(users.loadUserByUsername("chef-solgarden")))).andReturn().getResponse();
        assertThat(notCoordinator.getStatus()).isEqualTo(403);
    }

    @Test
    @DisplayName("PLC-11, PROT-3: a coordinator without an authorisation for a protected person's case cannot allocate to her, whoever makes the offer "
            + "(the authorised side is PlacementProtectionTests')")
    void protectedPersonNeedsTheAgreedOfferMaker() throws Exception {
        UUID apartment = vacantApartment();
        UUID decision = queuedDecision("PROTECTED_REGISTRATION");
        try (AsUser ignored = AsUser.login(users, "boendesamordnare")) {
            for (String maker : java.util.Arrays.asList(null, "UNIT_MANAGER", "COORDINATOR", "CASE_OFFICER")) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> allocations.allocate(new Allocations.NewAllocation(decision, apartment, maker)))
                        .as(String.valueOf(maker)).isInstanceOf(se.omsorgsnav.access.AccessDenied.class);
            }
        }
        assertThat(jdbc.sql("select count(*) from allocation where decision_id = ?").param(decision).query(Long.class).single()).isZero();
    }
}
