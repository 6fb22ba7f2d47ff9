package se.omsorgsnav.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;
import se.omsorgsnav.support.TestPins;

/**
 * The database stops answering, or the disk for uploads is gone (QUALITY.md, reliability): every
 * door answers a clear Swedish 503 (507 for the upload) at once, none a 401 or a 500, no write that
 * did not commit is acknowledged, nothing is half stored, and the application serves again as soon
 * as the database or the disk does. The application's pool is wrapped so that the test can make it
 * fail the way Hikari does when PostgreSQL is down, or make a commit break the way it does when the
 * connection is lost during it; the shared database itself is never stopped. The uploads go to a
 * directory of the test's own, which it replaces by a file to make every write there fail.
 */
@OmsorgsnavTest
@Import(OutageTests.SwitchableDatabase.class)
@ExtendWith(OutputCaptureExtension.class)
class OutageTests {

    private static final String TITLE = "Tjänsten är tillfälligt otillgänglig";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired TestClock clock;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static Path uploads;

    @DynamicPropertySource
    static void uploadDirectory(DynamicPropertyRegistry registry) throws IOException {
        uploads = Files.createTempDirectory("omsorgsnav-uploads");
        registry.add("spring.servlet.multipart.location", uploads::toString);
    }

    @AfterEach
    void databaseAndDiskAnswerAgain() throws IOException {
        SwitchableDatabase.state = State.UP;
        if (Files.isRegularFile(uploads)) {
            Files.delete(uploads);
            Files.createDirectory(uploads);
        }
    }

    @Test
    @DisplayName("MSG-7: an attachment the server cannot buffer (upload disk full or unwritable) is answered 507 in Swedish, and no message is stored without it")
    void uploadThatCannotBeWrittenStoresNothing() throws Exception {
        long messages = count("message");
        long attachments = count("message_attachment");
        // Every file the container would write there fails, as on a full disk.
        Files.delete(uploads);
        Files.createFile(uploads);
        HttpResponse<String> refused = http.send(messageWithAttachment(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(507);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("Filen kunde inte tas emot", "ingenting sparades");
        assertThat(count("message")).isEqualTo(messages);
        assertThat(count("message_attachment")).isEqualTo(attachments);

        Files.delete(uploads);
        Files.createDirectory(uploads);
        HttpResponse<String> sent = http.send(messageWithAttachment(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(sent.statusCode()).as("accepted once the disk is back: " + sent.body()).isEqualTo(201);
        assertThat(count("message_attachment")).isEqualTo(attachments + 1);
    }

    @Test
    @DisplayName("An API call with HTTP Basic while the database is down answers 503 problem details, not 401, and 200 once it is back")
    void apiLoginAnswers503WhileDatabaseIsDown() throws Exception {
        SwitchableDatabase.state = State.DOWN;
        HttpResponse<String> down = http.send(api("/api/v1/cases/finns-inte"), HttpResponse.BodyHandlers.ofString());
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(down.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(down.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(down.body()).contains("\"status\":503", TITLE, "Försök igen om en stund");

        SwitchableDatabase.state = State.UP;
        HttpResponse<String> back = http.send(api("/api/v1/cases/finns-inte"), HttpResponse.BodyHandlers.ofString());
        assertThat(back.statusCode()).as("served again without a restart: the login works, the case does not exist").isIn(400, 404);
    }

    @Test
    @DisplayName("An API call whose controller finds the database down answers 503 problem details, not 500")
    void apiControllerAnswers503WhileDatabaseIsDown() throws Exception {
        UserDetails officer = users.loadUserByUsername(DemoUsers.AUTHORISED);
        SwitchableDatabase.state = State.DOWN;
        MockHttpServletResponse response = mvc.perform(post("/api/v1/persons/lookup").with(user(officer))
                .contentType(MediaType.APPLICATION_JSON).content("{\"personalIdentityNumber\":\"" + DemoUsers.ORDINARY_PIN + "\"}"))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains(TITLE);
    }

    @Test
    @DisplayName("A write whose commit breaks (the connection lost during it) is answered 503 and is not stored")
    void writeWhoseCommitFailsIsNotAcknowledged() throws Exception {
        UserDetails support = users.loadUserByUsername(DemoUsers.SYSTEM_SUPPORT);
        String pin = TestPins.born(1936);
        String body = """
                {"personalIdentityNumber":"%s","firstName":"Test","lastName":"Avbrottsson","streetAddress":"Gatan 1","postalCode":"12345","city":"Staden","phone":"070-1234567"}
                """.formatted(pin);
        SwitchableDatabase.state = State.COMMIT_FAILS;
        MockHttpServletResponse response = mvc.perform(post("/api/v1/persons").with(user(support))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        SwitchableDatabase.state = State.UP;

        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(503);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains(TITLE).doesNotContain("sparades");
        assertThat(jdbc.sql("select count(*) from person where personal_identity_number = ?").param(pin).query(Long.class).single())
                .as("rolled back, not half stored").isZero();
    }

    @Test
    @DisplayName("A logged-in browser page while the database is down answers a plain Swedish 503 page: the session re-check fails, and is not taken for a lost login")
    void browserPageAnswers503WhileDatabaseIsDown() throws Exception {
        String session = login(DemoUsers.AUTHORISED);
        SwitchableDatabase.state = State.DOWN;
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/")).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(503);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"sv\">", TITLE, "Försök igen om en stund").doesNotContain("Logga in");

        SwitchableDatabase.state = State.UP;
        HttpResponse<String> back = http.send(HttpRequest.newBuilder(uri("/")).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(back.statusCode()).as("the session survived the outage").isEqualTo(200);
    }

    @Test
    @DisplayName("The login form posted while the database is down answers 503, not \"login failed\", and logs no stack")
    void loginFormAnswers503WhileDatabaseIsDown(CapturedOutput output) throws Exception {
        HttpResponse<String> loginPage = http.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString());
        SwitchableDatabase.state = State.DOWN;
        HttpResponse<String> posted = postLogin(loginPage, DemoUsers.AUTHORISED, DemoUsers.PASSWORD);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(503);
        assertThat(posted.headers().firstValue("Location")).as("not sent back to /login?fel").isEmpty();
        assertThat(posted.body()).contains(TITLE);
        assertThat(output.getAll()).doesNotContain("An internal error occurred while trying to authenticate");
    }

    @Test
    @DisplayName("Health answers 503 with JSON status DOWN while the database is down, and UP once it is back")
    void healthIsDownWhileDatabaseIsDown() throws Exception {
        SwitchableDatabase.state = State.DOWN;
        HttpResponse<String> down = http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Content-Type").orElseThrow()).contains("json");
        assertThat(down.body()).contains("\"status\":\"DOWN\"").doesNotContain("<html");

        SwitchableDatabase.state = State.UP;
        HttpResponse<String> up = http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(up.body()).contains("\"status\":\"UP\"");
    }

    @Test
    @DisplayName("PROT-3: a login refused by the throttle is logged as one warning line without the user name, not as an internal error with its stack")
    void throttledLoginIsOneWarningLine(CapturedOutput output) throws Exception {
        String username = "sparrad-" + UUID.randomUUID().toString().substring(0, 8);
        // Locked out as after five wrong passwords, without spending the test address's failures.
        jdbc.sql("insert into login_throttle (throttle_key, failures, last_failure_at) values (?, 5, ?)")
                .params("password:user:" + username, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)).update();
        HttpResponse<String> loginPage = http.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> posted = postLogin(loginPage, username, "vad-som-helst");
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/login?fel");
        String log = output.getAll();
        assertThat(log).contains("WARN").contains("Login refused: the user name or the client address is locked out")
                .doesNotContain("An internal error occurred while trying to authenticate", "InternalAuthenticationServiceException", username);
    }

    /** A message with one PDF over the container's in-memory threshold (1 MB), so that it is buffered on disk. */
    private HttpRequest messageWithAttachment() {
        String greta = jdbc.sql("""
                select c.case_number from care_case c join person p on p.id = c.person_id
                where p.personal_identity_number = '193805089145' and c.status = 'OPEN' order by c.opened_on limit 1
                """).query(String.class).single();
        String message = """
                {"idempotencyKey":"disk-%s","type":"FREE_TEXT","subject":"Nivåmätning","body":"Se bilagan","caseNumber":"%s","recipientUsers":["boendesamordnare"]}
                """.formatted(UUID.randomUUID(), greta);
        String boundary = "disk" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"message\"\r\nContent-Type: application/json\r\n\r\n"
                + message + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"matning.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        byte[] pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% Nivåmätning\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.UTF_8);
        body.writeBytes(Arrays.copyOf(pdf, 2 * 1024 * 1024));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String basic = Base64.getEncoder().encodeToString(("assistent:" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri("/api/v1/messages")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private HttpRequest api(String path) {
        String basic = Base64.getEncoder().encodeToString((DemoUsers.AUTHORISED + ":" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + basic).header("Accept", "application/json").build();
    }

    private String login(String username) throws Exception {
        HttpResponse<String> loginPage = http.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> loggedIn = postLogin(loginPage, username, DemoUsers.PASSWORD);
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        return sessionCookie(loggedIn);
    }

    private HttpResponse<String> postLogin(HttpResponse<String> loginPage, String username, String password) throws Exception {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(token.find()).isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
        return http.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", sessionCookie(loginPage)).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("OMSORGSNAV_SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    enum State { UP, DOWN, COMMIT_FAILS }

    /** The application's pool, failing on demand as Hikari and the driver do when PostgreSQL is gone. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SwitchableDatabase {

        static volatile State state = State.UP;

        @Bean
        static BeanPostProcessor switchableDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if ("dataSource".equals(name) && bean instanceof DataSource pool) {
                        return Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                                (proxy, method, args) -> {
                                    if (method.getName().equals("getConnection")) {
                                        if (state == State.DOWN) {
                                            throw new SQLTransientConnectionException(
                                                    "HikariPool-1 - Connection is not available, request timed out after 2000ms.");
                                        }
                                        Connection connection = (Connection) invoke(method, pool, args);
                                        return breakingCommit(connection);
                                    }
                                    return invoke(method, pool, args);
                                });
                    }
                    return bean;
                }
            };
        }

        private static Connection breakingCommit(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("commit") && state == State.COMMIT_FAILS) {
                            throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
                        }
                        return invoke(method, connection, args);
                    });
        }

        private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
