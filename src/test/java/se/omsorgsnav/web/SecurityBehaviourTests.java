package se.omsorgsnav.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;

/** Login, sessions, CSRF, headers and roles: the doors around the gate. */
@OmsorgsnavTest
class SecurityBehaviourTests {

    private static final List<String> DEMO_USERS = List.of("handlaggare", "handlaggare2", "forste", "enhetschef", "boendesamordnare",
            "assistent", "verksamhetsledare", "avgift", "planerare", "larm", "lvs", "sas");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder passwords;
    @Autowired UserDetailsService users;
    @LocalServerPort int port;

    @Test
    @DisplayName("Login: every demo user logs in with the README's password and lands on the start page")
    void everyDemoUserLogsIn() throws Exception {
        for (String username : DEMO_USERS) {
            MvcResult result = mvc.perform(formLogin("/login").user(username).password(DemoUsers.PASSWORD)).andReturn();
            assertThat(result.getResponse().getRedirectedUrl()).as(username).isEqualTo("/");
        }
    }

    @Test
    @DisplayName("Login: passwords are stored only as modern one-way hashes")
    void passwordsAreHashed() {
        List<String> hashes = jdbc.sql("select password_hash from app_user").query(String.class).list();
        assertThat(hashes).isNotEmpty().allMatch(h -> h.startsWith("{bcrypt}$2")).noneMatch(h -> h.contains(DemoUsers.PASSWORD));
    }

    @Test
    @DisplayName("Login: after repeated failed logins the account is refused for a while, even with the right password")
    void loginIsThrottled() throws Exception {
        String username = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
        UUID unit = jdbc.sql("select id from unit where name = 'Myndighet Centrum'").query(UUID.class).single();
        jdbc.sql("""
                insert into app_user (id, username, full_name, email, password_hash, role, unit_id, grant_right, enabled)
                values (?, ?, 'Test Spärrsson', 'sparr@test.invalid', ?, 'CASE_OFFICER', ?, false, true)
                """).params(UUID.randomUUID(), username, passwords.encode("Rätt-lösen-1"), unit).update();
        assertThat(login(username, "Rätt-lösen-1")).isEqualTo("/");
        for (int i = 0; i < 5; i++) {
            assertThat(login(username, "fel-" + i)).isEqualTo("/login?fel");
        }
        assertThat(login(username, "Rätt-lösen-1")).as("locked out").isEqualTo("/login?fel");
    }

    @Test
    @DisplayName("Login (fault 10): one password sprayed over many user names from one address is slowed: the address is refused for a while")
    void sprayFromOneAddressIsThrottled() throws Exception {
        String sprayer = "10.66.0." + (int) (Math.random() * 250 + 1);
        for (int i = 0; i < 30; i++) {
            String name = "spray-" + i + "-" + UUID.randomUUID().toString().substring(0, 4);
            assertThat(loginFrom(sprayer, name, "Sommar2026!")).isEqualTo("/login?fel");
        }
        assertThat(loginFrom(sprayer, DemoUsers.AUTHORISED, DemoUsers.PASSWORD)).as("locked out from that address").isEqualTo("/login?fel");
        assertThat(loginFrom("10.67.0.1", DemoUsers.AUTHORISED, DemoUsers.PASSWORD)).as("from another address").isEqualTo("/");
    }

    @Test
    @DisplayName("Login (fault 10): the failed-login count is kept in the database, where every node reads it")
    void loginCountIsShared() throws Exception {
        String username = "delad-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(login(username, "fel")).isEqualTo("/login?fel");
        assertThat(jdbc.sql("select failures from login_throttle where throttle_key = ?").param("password:user:" + username)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("Session (fault 13): a disabled user, or one whose role became fee officer, loses the browser session at the next request")
    void sessionFollowsTheStaffRegister() throws Exception {
        for (String change : List.of("update app_user set enabled = false where username = ?", "update app_user set role = 'FEE_OFFICER' where username = ?")) {
            String username = "session-" + UUID.randomUUID().toString().substring(0, 8);
            UUID unit = jdbc.sql("select id from unit where name = 'Myndighet Centrum'").query(UUID.class).single();
            jdbc.sql("""
                    insert into app_user (id, username, full_name, email, password_hash, role, unit_id, grant_right, enabled)
                    values (?, ?, 'Sessa Sessionsson', 'sessa@test.invalid', ?, 'CASE_OFFICER', ?, false, true)
                    """).params(UUID.randomUUID(), username, passwords.encode("Rätt-lösen-1"), unit).update();
            var login = mvc.perform(formLogin("/login").user(username).password("Rätt-lösen-1")).andReturn();
            assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/");
            var session = (org.springframework.mock.web.MockHttpSession) login.getRequest().getSession(false);
            assertThat(mvc.perform(get("/").session(session)).andReturn().getResponse().getStatus()).as("logged in").isEqualTo(200);

            jdbc.sql(change).param(username).update();
            MockHttpServletResponse next = mvc.perform(get("/").session(session)).andReturn().getResponse();
            assertThat(next.getStatus()).as(change).isEqualTo(302);
            assertThat(next.getRedirectedUrl()).as(change).endsWith("/login");
        }
    }

    @Test
    @DisplayName("CSRF: a form posted without its CSRF token is refused")
    void csrfIsRequired() throws Exception {
        var caller = user(users.loadUserByUsername(DemoUsers.AUTHORISED));
        assertThat(mvc.perform(post("/persons/search").param("q", "Greta").with(caller)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/persons/search").param("q", "Greta").with(caller).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("Headers: pages carry a strict Content-Security-Policy and the other security headers")
    void securityHeaders() throws Exception {
        for (String path : List.of("/login", "/", "/persons/search")) {
            MockHttpServletResponse response = mvc.perform(get(path).with(user(users.loadUserByUsername(DemoUsers.AUTHORISED))))
                    .andReturn().getResponse();
            String csp = response.getHeader("Content-Security-Policy");
            assertThat(csp).as(path).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'").doesNotContain("unsafe");
            assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.getHeader("Cache-Control")).contains("no-store");
        }
    }

    @Test
    @DisplayName("Login: without login a page sends to the login page, htmx gets HX-Refresh instead of a login page, and the API answers 401")
    void unauthenticated() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/")).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(302);
        assertThat(page.getRedirectedUrl()).endsWith("/login");
        MockHttpServletResponse htmx = mvc.perform(post("/persons/search").header("HX-Request", "true").param("q", "x").with(csrf()))
                .andReturn().getResponse();
        assertThat(htmx.getStatus()).isEqualTo(401);
        assertThat(htmx.getHeader("HX-Refresh")).isEqualTo("true");
        assertThat(htmx.getContentAsString()).doesNotContain("<form");
        MockHttpServletResponse api = mvc.perform(post("/api/v1/persons/lookup").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(401);
        assertThat(api.getHeader("WWW-Authenticate")).startsWith("Basic");
        assertThat(api.getContentType()).startsWith("application/problem+json");
        MockHttpServletResponse wrong = mvc.perform(get("/api/v1/audit/verification").with(httpBasic("enhetschef", "fel"))).andReturn().getResponse();
        assertThat(wrong.getStatus()).isEqualTo(401);
    }

    @Test
    @DisplayName("Login: the API takes HTTP Basic and keeps no session")
    void apiIsStateless() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/v1/audit/verification").with(httpBasic("enhetschef", DemoUsers.PASSWORD)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Set-Cookie")).isNull();
    }

    @Test
    @DisplayName("Login: with HTTP Basic's verified password remembered, a disabled account and a changed password are still refused at once")
    void rememberedPasswordsDoNotOutliveChanges() throws Exception {
        String username = "basic-" + UUID.randomUUID().toString().substring(0, 8);
        UUID unit = jdbc.sql("select id from unit where name = 'Myndighet Centrum'").query(UUID.class).single();
        jdbc.sql("""
                insert into app_user (id, username, full_name, email, password_hash, role, unit_id, grant_right, enabled)
                values (?, ?, 'Basic Användare', 'basic@demo.omsorgsnav.invalid', ?, 'UNIT_MANAGER', ?, false, true)
                """).params(UUID.randomUUID(), username, passwords.encode(DemoUsers.PASSWORD), unit).update();
        assertThat(basicStatus(username, DemoUsers.PASSWORD)).isEqualTo(200);
        assertThat(basicStatus(username, DemoUsers.PASSWORD)).isEqualTo(200);

        jdbc.sql("update app_user set password_hash = ? where username = ?").params(passwords.encode("Nytt-losen-2027"), username).update();
        assertThat(basicStatus(username, DemoUsers.PASSWORD)).isEqualTo(401);
        assertThat(basicStatus(username, "Nytt-losen-2027")).isEqualTo(200);

        jdbc.sql("update app_user set enabled = false where username = ?").param(username).update();
        assertThat(basicStatus(username, "Nytt-losen-2027")).isEqualTo(401);

        jdbc.sql("update app_user set enabled = true, role = 'HOME_CARE_PLANNER' where username = ?").param(username).update();
        assertThat(basicStatus(username, "Nytt-losen-2027")).as("the role is read on every call").isEqualTo(403);
    }

    private int basicStatus(String username, String password) throws Exception {
        return mvc.perform(get("/api/v1/audit/verification").with(httpBasic(username, password))).andReturn().getResponse().getStatus();
    }

    @Test
    @DisplayName("Session: the session cookie is HttpOnly and SameSite=Strict, and a real login over HTTP changes it")
    void sessionCookieOverHttp() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> loginPage = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = sessionCookie(loginPage);
        assertThat(loginPage.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly").contains("SameSite=Strict");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(token.find()).isTrue();
        String form = "username=handlaggare&password=" + java.net.URLEncoder.encode(DemoUsers.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + token.group(1);
        HttpResponse<String> loggedIn = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).endsWith("/");
        assertThat(sessionCookie(loggedIn)).isNotEqualTo(cookie);
    }

    @Test
    @DisplayName("Roles: roles decide who may register persons and verify the audit log")
    void rolesDecide() throws Exception {
        var officer = user(users.loadUserByUsername(DemoUsers.AUTHORISED));
        assertThat(mvc.perform(get("/persons/new").with(officer)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Behörighet saknas");
        assertThat(mvc.perform(get("/audit/verification").with(officer)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/audit/verification").with(user(users.loadUserByUsername("enhetschef")))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
    }

    @Test
    @DisplayName("DESIGN, fault 15: health is public and holds no personal data; the OpenAPI document is for logged-in users")
    void healthAndApiDocs() throws Exception {
        assertThat(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getRedirectedUrl()).as("anonymous").endsWith("/login");
        MockHttpServletResponse health = mvc.perform(get("/actuator/health")).andReturn().getResponse();
        assertThat(health.getStatus()).isEqualTo(200);
        assertThat(health.getContentAsString()).contains("\"status\":\"UP\"").doesNotContain("components", "details", "db");
        String docs = mvc.perform(get("/v3/api-docs").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("lvs"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(docs).contains("Omsorgsnav API", "/api/v1/persons/lookup", "/api/v1/persons", "/api/v1/cases",
                "/api/v1/cases/{caseNumber}", "/api/v1/audit/verification");
    }

    private String loginFrom(String address, String username, String password) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()).with(request -> {
            request.setRemoteAddr(address);
            return request;
        })).andReturn().getResponse().getRedirectedUrl();
    }

    private String login(String username, String password) throws Exception {
        return mvc.perform(formLogin("/login").user(username).password(password)).andReturn().getResponse().getRedirectedUrl();
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("OMSORGSNAV_SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }
}
