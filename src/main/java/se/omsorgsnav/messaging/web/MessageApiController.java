package se.omsorgsnav.messaging.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.omsorgsnav.messaging.Inbox;
import se.omsorgsnav.messaging.InboxPage;
import se.omsorgsnav.messaging.MessageView;
import se.omsorgsnav.messaging.Messages;
import se.omsorgsnav.messaging.NewMessage;
import se.omsorgsnav.shared.InvalidInputException;

/** Messages (MSG-2..MSG-8). */
@RestController
@RequestMapping(path = "/api/v1/messages", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Meddelanden")
class MessageApiController {

    private final Messages messages;
    private final Inbox inbox;

    MessageApiController(Messages messages, Inbox inbox) {
        this.messages = messages;
        this.inbox = inbox;
    }

    record SendRequest(String idempotencyKey, String type, String subject, String body, String caseNumber, List<String> recipientUsers,
                       List<UUID> recipientGroups, Map<String, String> fields, UUID replyTo, Boolean confirmBodyWarning) {}

    record Sent(UUID id, UUID threadId) {}

    @Operation(summary = "Skicka ett meddelande",
            description = "201 med meddelandets id; samma idempotensnyckel igen från samma avsändare ger 200 och samma id. "
                    + "Ämnesraden får aldrig innehålla personnummer; gäller ärendet en person med skyddade personuppgifter är ämnesraden "
                    + "ärendenumret. Personnummer i texten avvisas; namnet på den skyddade personen ger 422 tills confirmBodyWarning är true.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Sent> send(@RequestBody SendRequest body) {
        if (body == null) {
            throw new InvalidInputException("type", "Uppgifter saknas i anropet.");
        }
        Messages.Sent sent = messages.send(new NewMessage(body.idempotencyKey(), body.type(), body.subject(), body.body(), body.caseNumber(),
                body.recipientUsers(), body.recipientGroups(), body.fields(), body.replyTo(), Boolean.TRUE.equals(body.confirmBodyWarning())));
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
            description = "Bara avsändaren och mottagarna; alla andra får 403 Behörighet saknas, likadant som för ett meddelande som inte finns.")
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
}
