package se.omsorgsnav.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.StatementCounter;

/** Attachments through the API (MSG-7): sending, the type and name checks, who downloads, protected persons, idempotency. */
@OmsorgsnavTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttachmentTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @LocalServerPort int port;

    // --- sending and downloading --------------------------------------------------------------

    @Test
    @DisplayName("MSG-7: a PDF travels with the message and only its recipients can download it, as a download of the sniffed type that is never cached")
    void pdfTravelsWithTheMessage() throws Exception {
        byte[] pdf = pdf("Nivåmätning för ärendet");
        MockHttpServletResponse sent = send("assistent", message(key(), "greta", "boendesamordnare"),
                file("C:\\fakepath\\Nivåmätning mars.pdf", "text/html", pdf));
        assertThat(sent.getStatus()).as(body(sent)).isEqualTo(201);
        String id = JsonPath.read(body(sent), "$.id");

        String view = body(as("boendesamordnare", get("/api/v1/messages/" + id)));
        assertThat(JsonPath.<List<String>>read(view, "$.attachments[*].filename")).containsExactly("Nivåmätning mars.pdf");
        assertThat(JsonPath.<List<String>>read(view, "$.attachments[*].contentType")).as("sniffed, not the client's text/html")
                .containsExactly("application/pdf");
        assertThat(JsonPath.<List<Integer>>read(view, "$.attachments[*].sizeBytes")).containsExactly(pdf.length);
        assertThat(JsonPath.<List<Boolean>>read(view, "$.attachments[*].withheld")).containsExactly(false);
        String attachment = JsonPath.<List<String>>read(view, "$.attachments[*].id").get(0);

        for (String reader : List.of("boendesamordnare", "assistent")) {
            MockHttpServletResponse download = as(reader, get("/api/v1/messages/" + id + "/attachments/" + attachment));
            assertThat(download.getStatus()).as(reader).isEqualTo(200);
            assertThat(download.getContentAsByteArray()).isEqualTo(pdf);
            assertThat(download.getContentType()).isEqualTo("application/pdf");
            assertThat(download.getHeader("Content-Disposition"))
                    .isEqualTo("attachment; filename=\"Niv_m_tning mars.pdf\"; filename*=UTF-8''Niv%C3%A5m%C3%A4tning%20mars.pdf");
            assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(download.getHeader("Cache-Control")).isEqualTo("no-store");
        }
        assertThat(jdbc.sql("select sha256 from message_attachment where id = ?").param(UUID.fromString(attachment)).query(String.class).single())
                .isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf)));
    }

    @Test
    @DisplayName("MSG-7: every allowed type travels: PNG, JPEG, Word and Excel old and new, OpenDocument text and spreadsheet")
    void everyAllowedTypeTravels() throws Exception {
        Map<String, byte[]> files = Map.of("bild.png", png(), "foto.jpeg", jpeg(), "brev.docx", ooxml("word/document.xml"),
                "tabell.xlsx", ooxml("xl/workbook.xml"), "text.odt", odf("text"), "kalkyl.ods", odf("spreadsheet"));
        List<MockMultipartFile> parts = new ArrayList<>();
        files.forEach((name, bytes) -> parts.add(file(name, "application/octet-stream", bytes)));
        MockHttpServletResponse sent = send("assistent", message(key(), "greta", "boendesamordnare"), parts.subList(0, 5).toArray(MockMultipartFile[]::new));
        assertThat(sent.getStatus()).as(body(sent)).isEqualTo(201);
        MockHttpServletResponse rest = send("assistent", message(key(), "greta", "boendesamordnare"), parts.get(5),
                file("gammal.doc", "application/msword", ole2("WordDocument")), file("gammal.xls", "application/vnd.ms-excel", ole2("Workbook")));
        assertThat(rest.getStatus()).as(body(rest)).isEqualTo(201);
        List<String> types = new ArrayList<>();
        for (MockHttpServletResponse r : List.of(sent, rest)) {
            types.addAll(JsonPath.read(body(as("boendesamordnare", get("/api/v1/messages/" + JsonPath.read(body(r), "$.id")))),
                    "$.attachments[*].contentType"));
        }
        assertThat(types).containsExactlyInAnyOrder("image/png", "image/jpeg", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.oasis.opendocument.text",
                "application/vnd.oasis.opendocument.spreadsheet", "application/msword", "application/vnd.ms-excel");
    }

    @Test
    @DisplayName("MSG-7, PROT-24: a stranger, a message that does not exist and an attachment that does not exist get the same 403, and every download and refusal is audited with the message's person and case")
    void strangerGetsTheAnswerForNothingAndAllIsAudited() throws Exception {
        MockHttpServletResponse sent = send("planerare", message(key(), "greta", "larm"), file("plan.pdf", "application/pdf", pdf("Plan")));
        String id = JsonPath.read(body(sent), "$.id");
        String attachment = JsonPath.<List<String>>read(body(as("larm", get("/api/v1/messages/" + id))), "$.attachments[*].id").get(0);
        UUID greta = personId("193805089145");
        UUID gretasCase = jdbc.sql("select case_id from message where id = ?").param(UUID.fromString(id)).query(UUID.class).single();
        long allowed = audit("larm", greta, gretasCase, "ALLOWED");
        long denied = audit(DemoUsers.UNAUTHORISED, greta, gretasCase, "DENIED");
        long deniedRecipient = audit("larm", greta, gretasCase, "DENIED");

        assertThat(as("larm", get("/api/v1/messages/" + id + "/attachments/" + attachment)).getStatus()).isEqualTo(200);
        assertThat(as("larm", get("/api/v1/messages/" + id + "/attachments/" + attachment)).getStatus()).isEqualTo(200);
        assertThat(audit("larm", greta, gretasCase, "ALLOWED")).as("each download").isEqualTo(allowed + 2);

        MockHttpServletResponse stranger = as(DemoUsers.UNAUTHORISED, get("/api/v1/messages/" + id + "/attachments/" + attachment));
        MockHttpServletResponse noMessage = as(DemoUsers.UNAUTHORISED, get("/api/v1/messages/" + UUID.randomUUID() + "/attachments/" + attachment));
        MockHttpServletResponse noAttachment = as("larm", get("/api/v1/messages/" + id + "/attachments/" + UUID.randomUUID()));
        for (MockHttpServletResponse answer : List.of(stranger, noMessage, noAttachment)) {
            assertThat(answer.getStatus()).isEqualTo(403);
            assertThat(normalise(body(answer))).isEqualTo(normalise(body(stranger)));
            assertThat(body(answer)).contains("Behörighet saknas").doesNotContain("plan.pdf");
            assertThat(answer.getHeader("Content-Disposition")).isNull();
        }
        assertThat(audit(DemoUsers.UNAUTHORISED, greta, gretasCase, "DENIED")).isEqualTo(denied + 1);
        assertThat(audit("larm", greta, gretasCase, "DENIED")).as("an attachment that is not there").isEqualTo(deniedRecipient + 1);
    }

    // --- what is refused ----------------------------------------------------------------------

    static Stream<Arguments> disguisedFiles() throws IOException {
        byte[] exe = new byte[512];
        System.arraycopy("MZ".getBytes(StandardCharsets.US_ASCII), 0, exe, 0, 2);
        exe[0x3c] = (byte) 0x80;
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, exe, 0x4e, stub.length);
        System.arraycopy(new byte[] {'P', 'E', 0, 0}, 0, exe, 0x80, 4);
        return Stream.of(
                Arguments.of("HTML named .pdf", "nivamatning.pdf", "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
                        .getBytes(StandardCharsets.UTF_8)),
                Arguments.of("program named .pdf", "nivamatning.pdf", exe),
                Arguments.of("SVG named .png", "bild.png", "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                        .getBytes(StandardCharsets.UTF_8)),
                Arguments.of("ZIP archive named .docx", "brev.docx", zip("readme.txt", "program.exe")),
                Arguments.of("spreadsheet package named .docx", "brev.docx", ooxml("xl/workbook.xml")),
                Arguments.of("PNG named .pdf", "nivamatning.pdf", png()),
                Arguments.of("PDF named .html", "nivamatning.html", pdf("PDF")),
                Arguments.of("PDF named .exe", "nivamatning.exe", pdf("PDF")),
                Arguments.of("PDF without extension", "nivamatning", pdf("PDF")),
                Arguments.of("empty PDF", "tom.pdf", new byte[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("disguisedFiles")
    @DisplayName("MSG-7: a file whose bytes are not an allowed type agreeing with its extension is refused with a Swedish 400, and nothing of the message is stored")
    void disguisedFileIsRefused(String what, String filename, byte[] content) throws Exception {
        long messages = count("message");
        long attachments = count("message_attachment");
        MockHttpServletResponse refused = send("assistent", message(key(), "greta", "boendesamordnare"),
                file("giltig.pdf", "application/pdf", pdf("En giltig bilaga först")), file(filename, "application/pdf", content));
        assertThat(refused.getStatus()).as(body(refused)).isEqualTo(400);
        assertThat(JsonPath.<String>read(body(refused), "$.field")).isEqualTo("attachments");
        assertThat(body(refused)).startsWith("{").contains("Bilaga 2:").doesNotContain(filename);
        assertThat(count("message")).isEqualTo(messages);
        assertThat(count("message_attachment")).isEqualTo(attachments);
    }

    @Test
    @DisplayName("MSG-7: more than five files, or a file over 10 MB, is refused with a Swedish 400 and nothing is stored")
    void tooManyOrTooLargeIsRefused() throws Exception {
        long messages = count("message");
        long attachments = count("message_attachment");
        MockMultipartFile[] six = new MockMultipartFile[6];
        for (int i = 0; i < six.length; i++) {
            six[i] = file("del" + i + ".pdf", "application/pdf", pdf("Del " + i));
        }
        MockHttpServletResponse tooMany = send("assistent", message(key(), "greta", "boendesamordnare"), six);
        assertThat(tooMany.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<String>read(body(tooMany), "$.detail")).isEqualTo("Ett meddelande får ha högst 5 bilagor.");

        byte[] large = Arrays.copyOf(pdf("Stor"), 10 * 1024 * 1024 + 1);
        MockHttpServletResponse tooLarge = send("assistent", message(key(), "greta", "boendesamordnare"), file("stor.pdf", "application/pdf", large));
        assertThat(tooLarge.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<String>read(body(tooLarge), "$.field")).isEqualTo("attachments");
        assertThat(body(tooLarge)).contains("Bilaga 1: filen är för stor. En bilaga får vara högst 10 MB.");
        assertThat(count("message")).isEqualTo(messages);
        assertThat(count("message_attachment")).isEqualTo(attachments);
    }

    @Test
    @DisplayName("MSG-7: over HTTP, a file over the limit is stopped by the server before it is read: 413 with a Swedish problem, nothing stored")
    void oversizeUploadIs413() throws Exception {
        long messages = count("message");
        String boundary = "grans" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"message\"\r\nContent-Type: application/json\r\n\r\n"
                + message(key(), "greta", "boendesamordnare") + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"stor.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Arrays.copyOf(pdf("Stor"), 11 * 1024 * 1024));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/messages"))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("assistent:" + DemoUsers.PASSWORD)
                                .getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(JsonPath.<String>read(answer.body(), "$.detail"))
                .isEqualTo("Filen eller filerna är för stora och ingenting sparades. En bilaga får vara högst 10 MB och ett meddelande ha högst 5 bilagor.");
        assertThat(count("message")).isEqualTo(messages);
    }

    @Test
    @DisplayName("MSG-7, MSG-5: a file name with a personnummer is refused without repeating it, and nothing is stored")
    void personnummerInFilenameIsRefused() throws Exception {
        long messages = count("message");
        for (String name : List.of("Nivåmätning 19380508-9145.pdf", "380508-9145.pdf", "utredning_3805089145.docx")) {
            MockHttpServletResponse refused = send("assistent", message(key(), "greta", "boendesamordnare"), file(name, "application/pdf", pdf("Text")));
            assertThat(refused.getStatus()).as(name).isEqualTo(400);
            assertThat(JsonPath.<String>read(body(refused), "$.field")).isEqualTo("attachments");
            assertThat(body(refused)).contains("Filnamnet får aldrig innehålla personnummer eller samordningsnummer").doesNotContain("9145");
        }
        assertThat(count("message")).isEqualTo(messages);
    }

    // --- protected persons --------------------------------------------------------------------

    @Test
    @DisplayName("MSG-7, PROT-3: a reader to whom the protected person is masked sees the attachment withheld as \"Bilaga 1\" and gets 403 on download, audited as denied, with nothing of the person in any answer; the authorised reader gets it")
    void maskedReaderGetsTheAttachmentWithheld() throws Exception {
        String astrid = caseOf("194203109147");
        byte[] pdf = pdf("Nivåmätning Astrid Karlsson 19420310-9147, Ekvägen");
        MockHttpServletResponse sent = send(DemoUsers.AUTHORISED, """
                {"idempotencyKey":"%s","type":"FREE_TEXT","body":"Nivåmätningen bifogas","caseNumber":"%s","recipientUsers":["boendesamordnare","enhetschef"]}
                """.formatted(key(), astrid), file("Nivåmätning Astrid Karlsson.pdf", "application/pdf", pdf));
        assertThat(sent.getStatus()).as(body(sent)).isEqualTo(201);
        String id = JsonPath.read(body(sent), "$.id");
        UUID astridId = personId("194203109147");

        MockHttpServletResponse opened = as("boendesamordnare", get("/api/v1/messages/" + id));
        assertThat(JsonPath.<List<String>>read(body(opened), "$.attachments[*].filename")).containsExactly("Bilaga 1");
        assertThat(JsonPath.<List<Boolean>>read(body(opened), "$.attachments[*].withheld")).containsExactly(true);
        assertThat(JsonPath.<List<String>>read(body(opened), "$.attachments[*].contentType")).containsExactly("application/pdf");
        assertThat(JsonPath.<List<Integer>>read(body(opened), "$.attachments[*].sizeBytes")).containsExactly(pdf.length);
        String attachment = JsonPath.<List<String>>read(body(opened), "$.attachments[*].id").get(0);
        long denied = audit("boendesamordnare", astridId, null, "DENIED");
        MockHttpServletResponse download = as("boendesamordnare", get("/api/v1/messages/" + id + "/attachments/" + attachment));
        MockHttpServletResponse nothing = as("boendesamordnare", get("/api/v1/messages/" + UUID.randomUUID() + "/attachments/" + attachment));
        assertThat(download.getStatus()).isEqualTo(403);
        assertThat(normalise(body(download))).isEqualTo(normalise(body(nothing)));
        assertThat(audit("boendesamordnare", astridId, null, "DENIED")).isEqualTo(denied + 1);
        for (MockHttpServletResponse answer : List.of(sent, opened, download)) {
            assertNoIdentity(answer);
        }

        MockHttpServletResponse authorised = as(DemoUsers.UNIT_MANAGER, get("/api/v1/messages/" + id + "/attachments/" + attachment));
        assertThat(authorised.getStatus()).isEqualTo(200);
        assertThat(authorised.getContentAsByteArray()).isEqualTo(pdf);
        assertThat(authorised.getHeader("Content-Disposition")).contains("Karlsson");
        assertThat(JsonPath.<List<String>>read(body(as(DemoUsers.UNIT_MANAGER, get("/api/v1/messages/" + id))), "$.attachments[*].filename"))
                .as("the scan would prove nothing if nobody saw the name").containsExactly("Nivåmätning Astrid Karlsson.pdf");
        assertThat(as(DemoUsers.AUTHORISED, get("/api/v1/messages/" + id + "/attachments/" + attachment)).getStatus()).as("the sender").isEqualTo(200);
    }

    // --- idempotency and cost -----------------------------------------------------------------

    @Test
    @DisplayName("MSG-7: the same key sent again with its attachments gives one message with one set of attachments")
    void resendIsOneMessageWithOneSetOfAttachments() throws Exception {
        String key = key();
        MockMultipartFile[] files = {file("a.pdf", "application/pdf", pdf("A")), file("b.png", "image/png", png())};
        MockHttpServletResponse first = send("planerare", message(key, "greta", "larm"), files);
        MockHttpServletResponse again = send("planerare", message(key, "greta", "larm"), files);
        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(again.getStatus()).isEqualTo(200);
        String id = JsonPath.read(body(first), "$.id");
        assertThat(JsonPath.<String>read(body(again), "$.id")).isEqualTo(id);
        assertThat(jdbc.sql("select count(*) from message where idempotency_key = ?").param(key).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select ordinal from message_attachment where message_id = ? order by ordinal").param(UUID.fromString(id))
                .query(Integer.class).list()).containsExactly(1, 2);
    }

    @Test
    @DisplayName("Cost: a message's attachments are listed in one statement: opening one with five costs the same as one with one")
    void attachmentsAreListedInOneStatement() throws Exception {
        MockMultipartFile[] five = new MockMultipartFile[5];
        for (int i = 0; i < five.length; i++) {
            five[i] = file("del" + i + ".pdf", "application/pdf", pdf("Del " + i));
        }
        String one = JsonPath.read(body(send("assistent", message(key(), "greta", "boendesamordnare"), five[0])), "$.id");
        String many = JsonPath.read(body(send("assistent", message(key(), "greta", "boendesamordnare"), five)), "$.id");
        StatementCounter.reset();
        as("boendesamordnare", get("/api/v1/messages/" + one));
        int forOne = StatementCounter.count();
        StatementCounter.reset();
        String view = body(as("boendesamordnare", get("/api/v1/messages/" + many)));
        assertThat(StatementCounter.count()).isEqualTo(forOne);
        assertThat(JsonPath.<List<String>>read(view, "$.attachments[*].filename")).containsExactly("del0.pdf", "del1.pdf", "del2.pdf", "del3.pdf",
                "del4.pdf");
    }

    // --- files --------------------------------------------------------------------------------

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% " + text + "\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0,
                (byte) 0x90, 0x77, 0x53, (byte) 0xde};
    }

    static byte[] jpeg() {
        byte[] jfif = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0};
        return Arrays.copyOf(jfif, 64);
    }

    /** An Office Open XML package with its content types first, as Office writes it, and the given main part. */
    static byte[] ooxml(String mainPart) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : List.of("[Content_Types].xml", "_rels/.rels", mainPart)) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** An OpenDocument package: its first entry "mimetype", stored uncompressed. */
    static byte[] odf(String kind) throws IOException {
        byte[] mimetype = ("application/vnd.oasis.opendocument." + kind).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry = new ZipEntry("mimetype");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(mimetype.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(mimetype);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(mimetype);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<?xml version=\"1.0\"?><office:document-content/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** An OLE2 compound file (the old Office container) naming the given stream in its directory. */
    static byte[] ole2(String stream) {
        byte[] file = new byte[2048];
        byte[] magic = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1};
        System.arraycopy(magic, 0, file, 0, magic.length);
        byte[] name = stream.getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(name, 0, file, 1024, name.length);
        return file;
    }

    static byte[] zip(String... names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(name.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    // --- helpers ------------------------------------------------------------------------------

    private String message(String key, String personPin, String recipient) {
        String pin = switch (personPin) {
            case "greta" -> "193805089145";
            default -> personPin;
        };
        return """
                {"idempotencyKey":"%s","type":"FREE_TEXT","subject":"Nivåmätning","body":"Se bilagan","caseNumber":"%s","recipientUsers":["%s"]}
                """.formatted(key, caseOf(pin), recipient);
    }

    private static MockMultipartFile file(String name, String claimedType, byte[] content) {
        return new MockMultipartFile("attachments", name, claimedType, content);
    }

    private MockHttpServletResponse send(String username, String json, MockMultipartFile... files) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/messages");
        request.file(new MockMultipartFile("message", "", MediaType.APPLICATION_JSON_VALUE, json.getBytes(StandardCharsets.UTF_8)));
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        return as(username, request);
    }

    private MockHttpServletResponse as(String username, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
    }

    private static void assertNoIdentity(MockHttpServletResponse response) throws Exception {
        StringBuilder seen = new StringBuilder(body(response));
        for (String header : response.getHeaderNames()) {
            seen.append('\n').append(header).append(": ").append(String.join(",", response.getHeaders(header)));
        }
        assertThat(seen.toString()).doesNotContain("Astrid").doesNotContain("Karlsson").doesNotContain("Ekvägen").doesNotContain("19420310")
                .doesNotContain("420310-9147").doesNotContain("0310-9147").doesNotContain("Olle").doesNotContain("Nivåmätning Astrid");
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static String normalise(String body) {
        return body.replaceAll("\"instance\":\"[^\"]*\"", "");
    }

    private static String key() {
        return "bilaga-" + UUID.randomUUID();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** Download audit events of a user for a person (and case, if given) with the given outcome. */
    private long audit(String username, UUID person, UUID caseId, String outcome) {
        Map<String, Object> params = new HashMap<>(Map.of("user", username, "person", person, "outcome", outcome));
        String caseClause = "";
        if (caseId != null) {
            caseClause = " and case_id = :case";
            params.put("case", caseId);
        }
        return jdbc.sql("select count(*) from audit_event where actor_username = :user and person_id = :person and action = 'VIEW'"
                        + " and purpose = 'DOWNLOAD_ATTACHMENT' and outcome = :outcome" + caseClause)
                .params(params).query(Long.class).single();
    }

    private UUID personId(String pin) {
        return jdbc.sql("select id from person where personal_identity_number = ?").param(pin).query(UUID.class).single();
    }

    private String caseOf(String pin) {
        return jdbc.sql("select case_number from care_case where person_id = ? and status = 'OPEN' order by opened_on limit 1")
                .param(personId(pin)).query(String.class).single();
    }
}
