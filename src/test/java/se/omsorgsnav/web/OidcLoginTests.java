package se.omsorgsnav.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.omsorgsnav.support.Chromium;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;

/**
 * Production login through an identity provider (issue 4): a real OIDC issuer runs inside the test
 * (mock-oauth2-server), the browser logs in through it and the API takes its bearer tokens. Who
 * someone is comes from the token; what they may do comes from our staff register. The provider
 * shows its own sign-in form, as a real one does, so the way back to us is a cross-site navigation.
 * One context of its own (the issuer is a property), on the same demo database as the others.
 */
@OmsorgsnavTest
class OidcLoginTests {

    private static final String ISSUER = "kommun";
    private static final String CLIENT = "omsorgsnav";
    private static final MockOAuth2Server IDP = new MockOAuth2Server(new OAuth2Config(true));

    static {
        IDP.start();
    }

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        registry.add("omsorgsnav.oidc.issuer-uri", () -> IDP.issuerUrl(ISSUER).toString());
        registry.add("omsorgsnav.oidc.client-id", () -> CLIENT);
        registry.add("omsorgsnav.oidc.client-secret", () -> "testhemlighet");
        // As in production: the API takes bearer tokens only (fault 15); Basic is for the demo, the bench and the other tests.
        registry.add("omsorgsnav.api.basic-auth", () -> "false");
    }

    @AfterAll
    static void stop() {
        IDP.shutdown();
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder passwords;
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
    @DisplayName("OIDC: a token for someone not in the staff register, for a disabled member of staff, for another audience, or a forged one, logs in nobody")
    void unknownOrForeignTokensRefused() throws Exception {
        MockHttpServletResponse unknown = lookup(DemoUsers.ORDINARY_PIN, token("okand.person", List.of("CASE_OFFICER"), freshAuthTime(), CLIENT));
        assertThat(unknown.getStatus()).isEqualTo(401);
        assertThat(unknown.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(unknown.getContentAsString(StandardCharsets.UTF_8)).contains("Inloggning krävs").doesNotContain("Greta");
        assertThat(unknown.getHeaders("WWW-Authenticate")).as("only the bearer token is named").noneMatch(h -> h.startsWith("Basic"))
                .anyMatch(h -> h.startsWith("Bearer"));

        assertThat(lookup(DemoUsers.ORDINARY_PIN, token(disabledCaseOfficer(), List.of("CASE_OFFICER"), freshAuthTime(), CLIENT))
                .getStatus()).as("a disabled member of staff").isEqualTo(401);

        assertThat(lookup(DemoUsers.ORDINARY_PIN, token(DemoUsers.AUTHORISED, List.of("CASE_OFFICER"), freshAuthTime(), "ett-annat-system"))
                .getStatus()).as("another system's token").isEqualTo(401);

        String genuine = token(DemoUsers.AUTHORISED, List.of("CASE_OFFICER"), freshAuthTime(), CLIENT);
        String[] parts = genuine.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertThat(lookup(DemoUsers.ORDINARY_PIN, forged).getStatus()).as("a bad signature").isEqualTo(401);
    }

    @Test
    @DisplayName("OIDC: roles come from our register: a role claim without the user's own role logs in nobody, and extra roles grant nothing")
    void rolesFromTheRegister() throws Exception {
        String onlyManager = token(DemoUsers.AUTHORISED, List.of("UNIT_MANAGER"), freshAuthTime(), CLIENT);
        assertThat(lookup(DemoUsers.ORDINARY_PIN, onlyManager).getStatus()).isEqualTo(401);
        MockHttpServletResponse audit = mvc.perform(get("/api/v1/audit").header("Authorization", "Bearer " + onlyManager)).andReturn().getResponse();
        assertThat(audit.getStatus()).as("a case officer claiming only to be unit manager").isEqualTo(401);
        assertThat(audit.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(DemoUsers.AUTHORISED);

        String both = token(DemoUsers.AUTHORISED, List.of("CASE_OFFICER", "UNIT_MANAGER"), freshAuthTime(), CLIENT);
        MockHttpServletResponse extra = mvc.perform(get("/api/v1/audit").header("Authorization", "Bearer " + both)).andReturn().getResponse();
        assertThat(extra.getStatus()).as("a case officer claiming to be unit manager too").isEqualTo(403);
        assertThat(extra.getContentAsString(StandardCharsets.UTF_8)).contains("Behörighet saknas");

        String manager = token(DemoUsers.UNIT_MANAGER, List.of("UNIT_MANAGER"), freshAuthTime(), CLIENT);
        assertThat(mvc.perform(get("/api/v1/audit").header("Authorization", "Bearer " + manager)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("PROT-10: a bearer token counts as step-up only if the user authenticated at the identity provider within the step-up window")
    void bearerStepUpNeedsRecentAuthentication() throws Exception {
        String astridsCase = caseOf(DemoUsers.PROTECTED_PIN, DemoUsers.AUTHORISED);
        String stale = token(DemoUsers.AUTHORISED, List.of("CASE_OFFICER"), TestClock.NOW.minusSeconds(16 * 60).getEpochSecond(), CLIENT);
        String withoutAuthTime = token(DemoUsers.AUTHORISED, List.of("CASE_OFFICER"), null, CLIENT);
        for (String bearer : List.of(stale, withoutAuthTime)) {
            MockHttpServletResponse read = mvc.perform(get("/api/v1/cases/" + astridsCase).header("Authorization", "Bearer " + bearer))
                    .andReturn().getResponse();
            assertThat(read.getStatus()).isEqualTo(403);
            assertThat(read.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(read.getContentAsString(StandardCharsets.UTF_8)).contains("\"title\":\"Ny inloggning krävs\"")
                    .doesNotContain(DemoUsers.PROTECTED_NAME).doesNotContain(DemoUsers.PROTECTED_ALIAS).doesNotContain("9147");
            // The lookup answers as for anyone not yet confirmed: masked, birth year only.
            assertThat(lookup(DemoUsers.PROTECTED_PIN, bearer).getContentAsString(StandardCharsets.UTF_8)).contains("\"masked\":true")
                    .doesNotContain(DemoUsers.PROTECTED_NAME).doesNotContain("9147");
        }

        String fresh = token(DemoUsers.AUTHORISED, List.of("CASE_OFFICER"), freshAuthTime(), CLIENT);
        MockHttpServletResponse read = mvc.perform(get("/api/v1/cases/" + astridsCase).header("Authorization", "Bearer " + fresh))
                .andReturn().getResponse();
        assertThat(read.getStatus()).isEqualTo(200);
        assertThat(read.getContentAsString(StandardCharsets.UTF_8)).contains(DemoUsers.PROTECTED_NAME);
        assertThat(lookup(DemoUsers.PROTECTED_PIN, fresh).getContentAsString(StandardCharsets.UTF_8)).contains(DemoUsers.PROTECTED_NAME);
    }

    @Test
    @DisplayName("OIDC: the browser signs in at the identity provider and lands on the staff member's start page; someone not on the staff is sent back to the login page")
    void browserLogin() throws Exception {
        HttpClient browser = newBrowser();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(app("/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.body()).contains("/oauth2/authorization/organisation").contains("Logga in med organisationens inloggning");
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).as("the provider's redirect back is cross-site")
                .contains("SameSite=Lax").contains("HttpOnly");

        HttpResponse<String> landed = signIn(browser, "anstalld-2", DemoUsers.UNIT_MANAGER, "UNIT_MANAGER");
        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.uri().getPath()).isEqualTo("/");
        assertThat(landed.body()).contains("Karin Berg").contains("Enhetschef");

        HttpResponse<String> refused = signIn(newBrowser(), "okand", "okand.person", "UNIT_MANAGER");
        assertThat(refused.uri().getPath()).isEqualTo("/login");
        assertThat(refused.uri().getQuery()).isEqualTo("fel");
        assertThat(refused.body()).contains("Inloggningen misslyckades");
    }

    @Test
    @DisplayName("OIDC: in a real browser, with the identity provider on another site, the login comes back and lands logged in")
    void browserLoginAcrossSites() {
        Path executable = Chromium.requireOrSkip();
        try (Playwright playwright = Playwright.create()) {
            Browser chromium = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(executable).setHeadless(true)
                    .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run")));
            Page page = chromium.newContext(new Browser.NewContextOptions().setLocale("sv-SE")).newPage();
            page.setDefaultTimeout(15_000);
            // The identity provider answers on localhost, the application on 127.0.0.1: two sites, as with a hosted provider.
            page.navigate("http://127.0.0.1:" + port + "/login");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Logga in med organisationens inloggning (e-tjänstekort)")).click();
            page.locator("input[name=username]").fill("anstalld-1");
            page.locator("textarea[name=claims]").fill(claims(DemoUsers.AUTHORISED, "CASE_OFFICER"));
            page.waitForNavigation(() -> page.locator("input[type=submit]").click());
            page.waitForLoadState();
            assertThat(page.url()).isEqualTo("http://127.0.0.1:" + port + "/");
            assertThat(page.locator("body").innerText()).contains("Anna Lindqvist").contains("Biståndshandläggare");
        }
    }

    @Test
    @DisplayName("OIDC: the application starts while the identity provider is unreachable, and asks it again at the next login or token")
    void identityProviderAskedOnFirstUse() {
        String unreachable = "http://127.0.0.1:9/kommun";
        OidcConfiguration configuration = new OidcConfiguration();
        var registrations = configuration.clientRegistrations(unreachable, CLIENT, "");
        var decoder = configuration.jwtDecoder(unreachable, CLIENT, "");
        assertThatThrownBy(() -> registrations.findByRegistrationId(OidcConfiguration.REGISTRATION)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> decoder.decode(token(DemoUsers.AUTHORISED, List.of("CASE_OFFICER"), freshAuthTime(), CLIENT)))
                .isInstanceOf(RuntimeException.class);
        assertThat(configuration.clientRegistrations(IDP.issuerUrl(ISSUER).toString(), CLIENT, "")
                .findByRegistrationId(OidcConfiguration.REGISTRATION).getProviderDetails().getIssuerUri()).isEqualTo(IDP.issuerUrl(ISSUER).toString());
    }

    @Test
    @DisplayName("OIDC: the OpenAPI document names bearer tokens, and not HTTP Basic where the API does not take it")
    void apiDocumentNamesBearer() throws Exception {
        String document = mvc.perform(get("/v3/api-docs").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("lvs"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(document).doesNotContain("\"basic\"").contains("\"bearer\"").contains("\"bearerFormat\":\"JWT\"").contains("auth_time");
    }

    @Test
    @DisplayName("OIDC (fault 15): in production the API takes bearer tokens only: HTTP Basic, which a browser would replay for another site, logs in nobody")
    void noBasicInProduction() throws Exception {
        MockHttpServletResponse basic = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/audit/verification")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(DemoUsers.UNIT_MANAGER,
                        DemoUsers.PASSWORD))).andReturn().getResponse();
        assertThat(basic.getStatus()).isEqualTo(401);
        assertThat(basic.getHeaders("WWW-Authenticate")).noneMatch(h -> h.startsWith("Basic"));
    }

    /** Follows the login link to the provider's sign-in form and signs in there, as a person would. */
    private HttpResponse<String> signIn(HttpClient browser, String subject, String username, String role) throws Exception {
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(app("/oauth2/authorization/organisation")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.uri().toString()).startsWith(IDP.issuerUrl(ISSUER).toString());
        String body = "username=" + URLEncoder.encode(subject, StandardCharsets.UTF_8)
                + "&claims=" + URLEncoder.encode(claims(username, role), StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(form.uri()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String claims(String username, String role) {
        return "{\"preferred_username\":\"" + username + "\",\"roles\":[\"" + role + "\"]}";
    }

    private static HttpClient newBrowser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private URI app(String path) {
        return URI.create("http://localhost:" + port + path);
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

    /** A case officer of our own who has been disabled; new, so the shared demo users stay as they are. */
    private String disabledCaseOfficer() {
        String username = "avslutad-" + UUID.randomUUID().toString().substring(0, 8);
        UUID unit = jdbc.sql("select id from unit where name = 'Myndighet Centrum'").query(UUID.class).single();
        jdbc.sql("""
                insert into app_user (id, username, full_name, email, password_hash, role, unit_id, grant_right, enabled)
                values (?, ?, 'Ove Slutat', 'ove@demo.omsorgsnav.invalid', ?, 'CASE_OFFICER', ?, false, false)
                """).params(UUID.randomUUID(), username, passwords.encode(DemoUsers.PASSWORD), unit).update();
        return username;
    }

    private String caseOf(String personalIdentityNumber, String officer) {
        return jdbc.sql("""
                        select c.case_number from care_case c join person p on p.id = c.person_id join app_user u on u.id = c.case_officer_id
                        where p.personal_identity_number = ? and u.username = ? order by c.opened_on desc, c.case_number
                        """).params(personalIdentityNumber.replace("-", ""), officer).query(String.class).list().get(0);
    }

    private long views(String username) {
        return jdbc.sql("""
                        select count(*) from audit_event e join person p on p.id = e.person_id
                        where e.actor_username = ? and e.purpose = 'API_LOOKUP' and e.outcome = 'ALLOWED' and p.personal_identity_number = ?
                        """).params(username, DemoUsers.ORDINARY_PIN.replace("-", "")).query(Long.class).single();
    }
}
