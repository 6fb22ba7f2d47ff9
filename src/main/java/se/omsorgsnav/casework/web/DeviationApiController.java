package se.omsorgsnav.casework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.omsorgsnav.casework.Deviations;
import se.omsorgsnav.shared.IdempotentRequests;
import se.omsorgsnav.shared.InvalidInputException;

/** Deviations (PROT-16). */
@RestController
@Tag(name = "Avvikelser")
class DeviationApiController {

    private final Deviations deviations;

    DeviationApiController(Deviations deviations) {
        this.deviations = deviations;
    }

    record Report(String idempotencyKey, String caseNumber, String description) {}

    record Created(UUID id) {}

    @Operation(summary = "Rapportera en avvikelse",
            description = "Med ärendenummer: bara den som har behörighet till personen. Utan: \"ej person\", utan personnummer i texten. "
                    + "201 med id. " + IdempotentRequests.API_DESCRIPTION)
    @PostMapping(path = "/api/v1/deviations", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Created> report(@RequestBody Report body) {
        if (body == null) {
            throw new InvalidInputException("description", "Uppgifter saknas i anropet.");
        }
        IdempotentRequests.Outcome<UUID> reported = deviations.report(body.idempotencyKey(), body.caseNumber(), body.description());
        return reported.answer(URI.create("/api/v1/deviations/" + reported.result()), new Created(reported.result()));
    }

    @Operation(summary = "Avvikelser \"ej person\" som väntar på att kopplas (SAS, enhetschef)")
    @GetMapping(path = "/api/v1/deviations/unattached", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Deviations.DeviationView> unattached() {
        return deviations.unattached();
    }

    record Attachment(String caseNumber) {}

    @Operation(summary = "Koppla en avvikelse \"ej person\" till personen i ett ärende (den som har behörighet)")
    @PostMapping(path = "/api/v1/deviations/{id}/attachment", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> attach(@PathVariable UUID id, @RequestBody Attachment body) {
        if (body == null) {
            throw new InvalidInputException("caseNumber", "Ange ärendenummer.");
        }
        deviations.attach(id, body.caseNumber());
        return ResponseEntity.noContent().build();
    }
}
