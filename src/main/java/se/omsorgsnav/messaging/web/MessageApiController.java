package se.omsorgsnav.messaging.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import se.omsorgsnav.messaging.AttachmentFile;
import se.omsorgsnav.messaging.Inbox;
import se.omsorgsnav.messaging.InboxPage;
import se.omsorgsnav.messaging.MessageAttachments;
import se.omsorgsnav.messaging.MessageView;
import se.omsorgsnav.messaging.Messages;
import se.omsorgsnav.messaging.NewAttachment;
import se.omsorgsnav.messaging.NewMessage;
import se.omsorgsnav.shared.InvalidInputException;

/** Messages (MSG-2..MSG-8), with attachments (MSG-7). */
@RestController
@RequestMapping(path = "/api/v1/messages", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Meddelanden")
class MessageApiController {

    private final Messages messages;
    private final Inbox inbox;
    private final MessageAttachments attachments;

    MessageApiController(Messages messages, Inbox inbox, MessageAttachments attachments) {
        this.messages = messages;
        this.inbox = inbox;
        this.attachments = attachments;
    }

    record SendRequest(String idempotencyKey, String type, String subject, String body, String caseNumber, List<String> recipientUsers,
                       List<UUID> recipientGroups, Map<String, String> fields, UUID replyTo, Boolean confirmBodyWarning) {}

    record Sent(UUID id, UUID threadId) {}

    @Operation(summary = "Skicka ett meddelande",
            description = "201 med meddelandets id; samma idempotensnyckel igen från samma avsändare ger 200 och samma id. "
                    + "Ämnesraden får aldrig innehålla personnummer; gäller ärendet en person med skyddade personuppgifter är ämnesraden "
                    + "ärendenumret. Personnummer i texten avvisas. Den som har behörighet till ärendet får 422 om texten nämner den skyddade "
                    + "personen, tills confirmBodyWarning är true; texten visas bara för läsare med behörighet. Typer som står för en "
                    + "post (ACCESS_ORDER, PLACEMENT_DECISION, PLACE_OFFER, MOVE_IN, DEATH_OR_MOVE_OUT) skickas bara av systemet "
                    + "från posten: 403 Behörighet saknas. En nivåmätning går bara till boendesamordnarna: egna mottagare ger 400; den skickas alltid med sin bilaga, "
                    + "alltså med multipart-varianten: utan bilaga ger den 400 (fältet attachments).")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Sent> send(@RequestBody SendRequest body) {
        return send(body, List.of());
    }

    @Operation(summary = "Skicka ett meddelande med bilagor",
            description = "Som JSON-varianten, som multipart/form-data: delen message är samma JSON (med Content-Type application/json) "
                    + "och varje fil en egen del attachments. Högst 5 filer om högst 10 MB vardera; tillåtna filtyper är PDF, PNG, JPEG, "
                    + "Word (doc, docx), Excel (xls, xlsx) och OpenDocument (odt, ods). Filtypen avgörs av filens innehåll, som ska stämma "
                    + "med filändelsen. Filnamnet får aldrig innehålla personnummer. En bilaga som avvisas ger 400 (fältet attachments) "
                    + "och ingenting sparas; en för stor begäran ger 413. Samma idempotensnyckel igen ger det första meddelandet "
                    + "med dess bilagor.")
    @ApiResponse(responseCode = "201", description = "Skickat")
    @ApiResponse(responseCode = "400", description = "Felaktiga uppgifter eller en bilaga som inte får skickas",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "413", description = "Filen eller begäran är för stor",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Sent> sendWithAttachments(
            @Parameter(description = "Meddelandet, samma JSON som utan bilagor") @RequestPart("message") SendRequest message,
            @Parameter(description = "Bilagorna, en del per fil") @RequestPart(name = "attachments", required = false) List<MultipartFile> files)
            throws IOException {
        List<NewAttachment> attached = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            attached.add(new NewAttachment(file.getOriginalFilename(), file.getBytes()));
        }
        return send(message, attached);
    }

    private ResponseEntity<Sent> send(SendRequest body, List<NewAttachment> files) {
        if (body == null) {
            throw new InvalidInputException("type", "Uppgifter saknas i anropet.");
        }
        Messages.Sent sent = messages.compose(new NewMessage(body.idempotencyKey(), body.type(), body.subject(), body.body(), body.caseNumber(),
                body.recipientUsers(), body.recipientGroups(), body.fields(), body.replyTo(), Boolean.TRUE.equals(body.confirmBodyWarning()),
                files));
        Sent answer = new Sent(sent.id(), sent.threadId());
        return sent.created() ? ResponseEntity.created(URI.create("/api/v1/messages/" + sent.id())).body(answer)
                : ResponseEntity.status(HttpStatus.OK).body(answer);
    }

    @Operation(summary = "Min inkorg", description = "Meddelanden till mig och mina grupper, nyast först, med antal olästa. "
            + "Nästa sida med cursor från svaret.")
    @GetMapping("/inbox")
    InboxPage inbox(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return inbox.page(cursor, limit);
    }

    @Operation(summary = "Öppna ett meddelande",
            description = "Bara avsändaren och mottagarna; alla andra får 403 Behörighet saknas, likadant som för ett meddelande som inte finns. "
                    + "Att öppna ändrar ingenting: markera som läst med POST /{id}/read. Gäller meddelandet en person med skyddade "
                    + "personuppgifter som läsaren saknar behörighet till är ämnesraden ärendenumret, och texten och alla uppgifter om "
                    + "personen undanhålls (bodyWithheld, withheldFields).")
    @GetMapping("/{id}")
    MessageView open(@PathVariable UUID id) {
        return inbox.open(id);
    }

    @Operation(summary = "Markera som läst")
    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(@PathVariable UUID id) {
        inbox.markRead(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Arkivera: döljs i min inkorg")
    @PostMapping("/{id}/archive")
    ResponseEntity<Void> archive(@PathVariable UUID id) {
        inbox.archive(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Hämta en bilaga",
            description = "Filen som den skickades, med den filtyp som avgjordes av innehållet, som nedladdning. Bara avsändaren och "
                    + "mottagarna; alla andra får 403 Behörighet saknas, likadant som för ett meddelande eller en bilaga som inte finns. "
                    + "Gäller meddelandet en person med skyddade personuppgifter som läsaren saknar behörighet till visas bilagan bara "
                    + "som undanhållen, och hämtningen ger 403. Varje hämtning loggas.")
    @ApiResponse(responseCode = "200", description = "Filen", content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "403", description = "Behörighet saknas", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @GetMapping(path = "/{id}/attachments/{attachmentId}", produces = MediaType.ALL_VALUE)
    ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        AttachmentFile file = attachments.download(id, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(file.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(file.content());
    }

    /** RFC 6266 with an ASCII fallback name and the real one in RFC 5987 encoding (filename*). */
    static String contentDisposition(String filename) {
        StringBuilder ascii = new StringBuilder();
        filename.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';' ? (char) c : '_'));
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
