package se.omsorgsnav.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;

/**
 * Production login through an identity provider (issue 4): a real OIDC issuer runs inside the test
 * (mock-oauth2-server), the browser logs in through it and the API takes its bearer tokens. Who
 * someone is comes from the token; what they may do comes from our staff register.
 */
@OmsorgsnavTest
class OidcLoginTests {

    private static final String ISSUER = "kommun";
    private static final String CLIENT = "omsorgsnav";
    private static final MockOAuth2Server IDP = new MockOAuth2Server();

    static {
        IDP.start();
    }

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        registry.add("omsorgsnav.oidc.issuer-uri", () -> IDP.issuerUrl(ISSUER).toString());
        registry.add("omsorgsnav.oidc.client-id", () -> CLIENT);
        registry.add("omsorgsnav.oidc.client-secret", () -> "testhemlighet");
    }

    @AfterAll
    static void stop() {
        IDP.shutdown();
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @Test
    @DisplayName("OIDC, AUD-1: a bearer token for a member of staff is accepted on the API and the access is audited as theirs")
    void bearerTokenForStaff() throws Exception {
        long before = views(DemoUsers.AUTHORISED);
        MockHttpServletResponse response = lookup(DemoUsers.ORDINARY_PIN, token(DemoUsers.AUTHORISED, List.of("CASE_OFFICER"), freshAuthTime(), CLIENT));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("Greta");
        assertThat(views(DemoUsers.AUTHORISED)).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("OIDC: a token for someone not in the staff register, for another audience, or a forged one, logs in nobody")
    void unknownOrForeignTokensRefused() throws Exception {
        MockHttpServletResponse unknown = lookup(DemoUsers.ORDINARY_PIN, token("okand.person", List.of("CASE_OFFICER"), freshAuthTime(), CLIENT));
        assertThat(unknown.getStatus()).isEqualTo(401);
        assertThat(unknown.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Greta");

        assertThat(lookup(DemoUsers.ORDINARY_PIN, token(DemoUsers.AUTHORISED, List.of("CASE_OFFICER"), freshAuthTime(), "ett-annat-system"))
                .getStatus()).as("another system's token").isEqualTo(401);

        String genuine = token(DemoUsers.AUTHORISED, List.of("CASE_OFFICER"), freshAuthTime(), CLIENT);
        String[] parts = genuine.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertThat(lookup(DemoUsers.ORDINARY_PIN, forged).getStatus()).as("a bad signature").isEqualTo(401);
    }

    @Test
    @DisplayName("OIDC, PROT-9: roles come from our register: a role claim without the user's own role logs in nobody, and extra roles grant nothing")
    void rolesFromTheRegister() throws Exception {
        assertThat(lookup(DemoUsers.ORDINARY_PIN, token(DemoUsers.AUTHORISED, List.of("UNIT_MANAGER"), freshAuthTime(), CLIENT)).getStatus())
                .isEqualTo(401);
        String both = token(DemoUsers.AUTHORISED, List.of("CASE_OFFICER", "UNIT_MANAGER"), freshAuthTime(), CLIENT);
        assertThat(mvc.perform(get("/api/v1/audit").header("Authorization", "Bearer " + both)).andReturn().getResponse().getStatus())
                .as("a case officer claiming to be unit manager too").isEqualTo(403);
        String manager = token(DemoUsers.UNIT_MANAGER, List.of("UNIT_MANAGER"), freshAuthTime(), CLIENT);
        assertThat(mvc.perform(get("/api/v1/audit").header("Authorization", "Bearer " + manager)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("PROT-10: a bearer token counts as step-up only if the user authenticated at the identity provider within the step-up window")
    void bearerStepUpNeedsRecentAuthentication() throws Exception {
        long old = TestClock.NOW.minusSeconds(16 * 60).getEpochSecond();
        MockHttpServletResponse stale = lookup(DemoUsers.PROTECTED_PIN, token(DemoUsers.AUTHORISED, List.of("CASE_OFFICER"), old, CLIENT));
        assertThat(stale.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(DemoUsers.PROTECTED_NAME).doesNotContain("9846");

        MockHttpServletResponse noAuthTime = lookup(DemoUsers.PROTECTED_PIN, token(DemoUsers.AUTHORISED, List.of("CASE_OFFICER"), null, CLIENT));
        assertThat(noAuthTime.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(DemoUsers.PROTECTED_NAME);

        MockHttpServletResponse fresh = lookup(DemoUsers.PROTECTED_PIN, token(DemoUsers.AUTHORISED, List.of("CASE_OFFICER"), freshAuthTime(), CLIENT));
        assertThat(fresh.getStatus()).isEqualTo(200);
        assertThat(fresh.getContentAsString(StandardCharsets.UTF_8)).contains(DemoUsers.PROTECTED_NAME);
    }

    @Test
    @DisplayName("OIDC: the browser logs in through the identity provider and lands on the staff member's start page")
    void browserLogin() throws Exception {
        IDP.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "anstalld-2", "JWT", List.of(CLIENT),
                Map.of("preferred_username", DemoUsers.UNIT_MANAGER, "roles", List.of("UNIT_MANAGER")), 3600));
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        String login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(login).contains("/oauth2/authorization/organisation");

        HttpResponse<String> landed = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/authorization/organisation"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.uri().getPath()).isEqualTo("/");
        assertThat(landed.body()).contains("Inloggad som").contains("Enhetschef");

        IDP.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "okand", "JWT", List.of(CLIENT),
                Map.of("preferred_username", "okand.person", "roles", List.of("UNIT_MANAGER")), 3600));
        HttpClient stranger = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> refused = stranger.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/authorization/organisation"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.uri().getPath()).isEqualTo("/login");
        assertThat(refused.uri().getQuery()).isEqualTo("fel");
    }

    private MockHttpServletResponse lookup(String pin, String bearer) throws Exception {
        return mvc.perform(post("/api/v1/persons/lookup").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personalIdentityNumber\":\"" + pin + "\"}").header("Authorization", "Bearer " + bearer))
                .andReturn().getResponse();
    }

    private static long freshAuthTime() {
        return TestClock.NOW.minusSeconds(60).getEpochSecond();
    }

    private static String token(String username, List<String> roles, Long authTime, String audience) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("preferred_username", username);
        claims.put("roles", roles);
        if (authTime != null) {
            claims.put("auth_time", authTime);
        }
        return IDP.issueToken(ISSUER, CLIENT, new DefaultOAuth2TokenCallback(ISSUER, "sub-" + username, "JWT", List.of(audience), claims, 3600))
                .serialize();
    }

    private long views(String username) {
        return jdbc.sql("""
                        select count(*) from audit_event e join person p on p.id = e.person_id
                        where e.actor_username = ? and e.purpose = 'API_LOOKUP' and e.outcome = 'ALLOWED' and p.personal_identity_number = ?
                        """).params(username, DemoUsers.ORDINARY_PIN.replace("-", "")).query(Long.class).single();
    }
}
