package se.omsorgsnav.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;

/**
 * AUD-1 through the user's path: a request from a given client address, on the fixed clock, and the
 * audit event it leaves says from where and when — for a page read, an API read and a denial. Each
 * test comes from an address of its own (TEST-NET, RFC 5737), by which its events are found.
 */
@OmsorgsnavTest
class AuditEventAddressTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    @Test
    @DisplayName("AUD-1: a person page read from a client address leaves its event with that address, the time of the read, who, role, unit, on whom and the outcome")
    void pageReadRecordsAddressAndTime() throws Exception {
        String address = "192.0.2.41";
        UUID greta = personId(DemoUsers.ORDINARY_PIN);
        int status = mvc.perform(get("/persons/" + greta).with(user(users.loadUserByUsername(DemoUsers.AUTHORISED))).with(from(address)))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(200);

        Map<String, Object> event = single(address, greta);
        assertThat(event.get("client_address")).isEqualTo(address);
        assertThat(((OffsetDateTime) event.get("occurred_at")).toInstant()).as("the fixed clock's now").isEqualTo(TestClock.NOW);
        assertThat(event.get("actor_username")).isEqualTo(DemoUsers.AUTHORISED);
        assertThat(event.get("actor_role")).isEqualTo("CASE_OFFICER");
        assertThat(event.get("actor_unit_id")).isEqualTo(unitOf(DemoUsers.AUTHORISED));
        assertThat(event.get("person_id")).isEqualTo(greta);
        assertThat(event.get("action")).isEqualTo("VIEW");
        assertThat(event.get("outcome")).isEqualTo("ALLOWED");
    }

    @Test
    @DisplayName("AUD-1: an API lookup over HTTP Basic from a client address leaves its event with that address and time")
    void apiReadRecordsAddressAndTime() throws Exception {
        String address = "198.51.100.42";
        int status = mvc.perform(post("/api/v1/persons/lookup").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personalIdentityNumber\":\"" + DemoUsers.ORDINARY_PIN + "\"}")
                        .with(httpBasic(DemoUsers.AUTHORISED, DemoUsers.PASSWORD)).with(from(address)))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(200);

        Map<String, Object> event = single(address, personId(DemoUsers.ORDINARY_PIN));
        assertThat(((OffsetDateTime) event.get("occurred_at")).toInstant()).isEqualTo(TestClock.NOW);
        assertThat(event.get("purpose")).isEqualTo("API_LOOKUP");
    }

    @Test
    @DisplayName("AUD-1, PROT-4: a denied opening of a protected person from a client address is audited with that address and time")
    void denialRecordsAddressAndTime() throws Exception {
        String address = "203.0.113.43";
        UUID astrid = personId(DemoUsers.PROTECTED_PIN);
        int status = mvc.perform(get("/persons/" + astrid).with(user(users.loadUserByUsername(DemoUsers.UNAUTHORISED))).with(from(address)))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);

        Map<String, Object> event = single(address, astrid);
        assertThat(((OffsetDateTime) event.get("occurred_at")).toInstant()).isEqualTo(TestClock.NOW);
        assertThat(event.get("actor_username")).isEqualTo(DemoUsers.UNAUTHORISED);
        assertThat(event.get("outcome")).isEqualTo("DENIED");
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** The one access (not a list row) to the person that the request from this address left. */
    private Map<String, Object> single(String address, UUID person) {
        List<Map<String, Object>> events = jdbc.sql("""
                        select id, actor_username, actor_role, actor_unit_id, person_id, action, purpose, outcome, client_address
                        from audit_event where client_address = ? and person_id = ? and action <> 'LIST'
                        """).params(address, person).query().listOfRows();
        assertThat(events).as("events from %s", address).hasSize(1);
        Map<String, Object> event = new java.util.HashMap<>(events.get(0));
        // Read as OffsetDateTime explicitly: PostgreSQL's driver gives a Timestamp for a plain getObject.
        event.put("occurred_at", jdbc.sql("select occurred_at from audit_event where id = ?").param(event.get("id"))
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).single());
        return event;
    }

    private UUID personId(String pin) {
        return jdbc.sql("select id from person where personal_identity_number = ?").param(pin.replace("-", "")).query(UUID.class).single();
    }

    private UUID unitOf(String username) {
        return jdbc.sql("select unit_id from app_user where username = ?").param(username).query(UUID.class).single();
    }
}
