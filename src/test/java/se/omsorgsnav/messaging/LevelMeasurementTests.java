package se.omsorgsnav.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;

/**
 * MSG-3's level measurement (seed 000, "Nivåmätningar"): full name, personnummer and the
 * measurement as an attachment. The name and personnummer come from the case it is linked to (no
 * one types a personnummer into a message), so the required fields are the case and the file;
 * through the API as the nursing home's assistant sends it, and read as the coordinator reads it.
 */
@OmsorgsnavTest
class LevelMeasurementTests {

    private static final byte[] MEASUREMENT = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    @Test
    @DisplayName("MSG-3: a level measurement without its case, which gives the full name and personnummer, is refused with a Swedish 400 and nothing is stored")
    void caseIsRequired() throws Exception {
        long before = messages();
        MockHttpServletResponse refused = send(json(null), true);
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<String>read(body(refused), "$.field")).isEqualTo("caseNumber");
        assertThat(body(refused)).contains("Ange ärendenumret");
        assertThat(messages()).isEqualTo(before);
    }

    @Test
    @DisplayName("MSG-3: a level measurement without its attachment is refused with a Swedish 400 naming the attachment, over JSON and multipart, and nothing is stored")
    void attachmentIsRequired() throws Exception {
        long before = messages();
        MockHttpServletResponse asJson = as("assistent",
                post("/api/v1/messages").contentType(MediaType.APPLICATION_JSON).content(json(gretasCase())));
        MockHttpServletResponse asMultipart = send(json(gretasCase()), false);
        for (MockHttpServletResponse refused : List.of(asJson, asMultipart)) {
            assertThat(refused.getStatus()).isEqualTo(400);
            assertThat(JsonPath.<String>read(body(refused), "$.field")).isEqualTo("attachments");
            assertThat(body(refused)).contains("Bifoga mätningen: meddelandetypen Nivåmätning skickas alltid med sin bilaga.");
        }
        assertThat(messages()).isEqualTo(before);
    }

    @Test
    @DisplayName("MSG-3: with its case and attachment a level measurement reaches the coordinator with the person's full name, personnummer and the measurement")
    void completeMeasurementCarriesItsFacts() throws Exception {
        MockHttpServletResponse sent = send(json(gretasCase()), true);
        assertThat(sent.getStatus()).as(body(sent)).isEqualTo(201);
        String id = JsonPath.read(body(sent), "$.id");

        MockHttpServletResponse read = as("boendesamordnare", get("/api/v1/messages/" + id));
        assertThat(read.getStatus()).isEqualTo(200);
        String view = body(read);
        assertThat(JsonPath.<String>read(view, "$.type")).isEqualTo("LEVEL_MEASUREMENT");
        assertThat(JsonPath.<String>read(view, "$.person.name")).isEqualTo("Greta Andersson");
        assertThat(JsonPath.<String>read(view, "$.person.personalIdentityNumber")).isEqualTo(DemoUsers.ORDINARY_PIN);
        assertThat(JsonPath.<List<String>>read(view, "$.attachments[*].filename")).containsExactly("nivamatning-greta.pdf");
    }

    private static String json(String caseNumber) {
        return """
                {"idempotencyKey":"%s","type":"LEVEL_MEASUREMENT","subject":"Nivåmätning","caseNumber":%s,"fields":{"bookedFor":"2026-12-02"}}
                """.formatted("niva-" + UUID.randomUUID(), caseNumber == null ? "null" : "\"" + caseNumber + "\"");
    }

    private MockHttpServletResponse send(String json, boolean withMeasurement) throws Exception {
        var request = multipart("/api/v1/messages")
                .file(new MockMultipartFile("message", "", MediaType.APPLICATION_JSON_VALUE, json.getBytes(StandardCharsets.UTF_8)));
        if (withMeasurement) {
            request.file(new MockMultipartFile("attachments", "nivamatning-greta.pdf", "application/pdf", MEASUREMENT));
        }
        return as("assistent", request);
    }

    private String gretasCase() {
        return jdbc.sql("""
                select c.case_number from care_case c join person p on p.id = c.person_id
                where p.personal_identity_number = ? order by c.case_number limit 1
                """).param(DemoUsers.ORDINARY_PIN.replace("-", "")).query(String.class).single();
    }

    private long messages() {
        return jdbc.sql("select count(*) from message").query(Long.class).single();
    }

    private MockHttpServletResponse as(String username, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
