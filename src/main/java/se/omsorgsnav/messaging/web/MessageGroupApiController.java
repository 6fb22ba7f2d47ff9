package se.omsorgsnav.messaging.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.omsorgsnav.messaging.MessageGroups;
import se.omsorgsnav.shared.IdempotentRequests;
import se.omsorgsnav.shared.InvalidInputException;

/** Message groups, the send lists (MSG-2). */
@RestController
@RequestMapping(path = "/api/v1/message-groups", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Meddelandegrupper")
class MessageGroupApiController {

    private final MessageGroups groups;

    MessageGroupApiController(MessageGroups groups) {
        this.groups = groups;
    }

    @Operation(summary = "Alla meddelandegrupper", description = "Namn, antal medlemmar, om jag är med och om jag får ändra gruppen.")
    @GetMapping
    List<MessageGroups.MessageGroupView> all() {
        return groups.all();
    }

    record Member(String idempotencyKey, String username) {}

    @Operation(summary = "Lägg till en medlem (enhetschef, i den egna enhetens grupp)",
            description = "204, också när användaren redan är medlem. " + IdempotentRequests.API_DESCRIPTION
                    + " (En upprepning svarar 204 som första gången.)")
    @PostMapping(path = "/{id}/members", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> add(@PathVariable UUID id, @RequestBody Member body) {
        if (body == null) {
            throw new InvalidInputException("username", "Ange användarnamnet.");
        }
        groups.addMember(body.idempotencyKey(), id, body.username());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Ta bort en medlem (enhetschef, i den egna enhetens grupp)")
    @DeleteMapping("/{id}/members/{username}")
    ResponseEntity<Void> remove(@PathVariable UUID id, @PathVariable String username) {
        groups.removeMember(id, username);
        return ResponseEntity.noContent().build();
    }
}
