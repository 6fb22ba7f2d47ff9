package se.omsorgsnav.casework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.omsorgsnav.casework.CaseView;
import se.omsorgsnav.casework.Cases;
import se.omsorgsnav.casework.LocalProtectionDecisions;
import se.omsorgsnav.casework.NewCase;
import se.omsorgsnav.shared.CaseNumber;
import se.omsorgsnav.shared.IdempotentRequests;
import se.omsorgsnav.shared.InvalidInputException;

/** The case API. */
@RestController
@RequestMapping(path = "/api/v1/cases", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Ärenden")
class CaseApiController {

    private final Cases cases;
    private final LocalProtectionDecisions localProtection;

    CaseApiController(Cases cases, LocalProtectionDecisions localProtection) {
        this.cases = cases;
        this.localProtection = localProtection;
    }

    record OpenCaseRequest(String idempotencyKey, UUID personId, UUID unitId, UUID caseOfficerId, String subject) {}

    record Opened(String caseNumber) {}

    @Operation(summary = "Öppna ett ärende",
            description = "201 med ärendenumret. 403 Behörighet saknas om personen är skyddad och anroparen saknar behörighet. "
                    + IdempotentRequests.API_DESCRIPTION)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Opened> open(@RequestBody OpenCaseRequest request) {
        if (request == null) {
            throw new InvalidInputException("personId", "Välj den person ärendet gäller.");
        }
        IdempotentRequests.Outcome<Cases.Opened> opened = cases.open(request.idempotencyKey(),
                new NewCase(request.personId(), request.unitId(), request.caseOfficerId(), request.subject()));
        String number = opened.result().number().value();
        return opened.answer(URI.create("/api/v1/cases/" + number), new Opened(number));
    }

    @Operation(summary = "Avsluta ett ärende",
            description = "Ansvarig handläggare, eller enhetschef/förste socialsekreterare på ärendets enhet. Skyddet består; "
                    + "ärendets behörigheter hamnar på LVS arbetslista för borttag.")
    @PostMapping("/{caseNumber}/closure")
    ResponseEntity<Void> close(@PathVariable String caseNumber) {
        cases.close(CaseNumber.parse(caseNumber));
        return ResponseEntity.noContent().build();
    }

    record LocalProtectionRequest(String reason, java.time.LocalDate until) {}

    @Operation(summary = "Besluta om lokalt skydd (enhetschef för ärendets enhet)",
            description = "Orsak krävs, högst tre månader (until är sista dagen). Beslutet journalförs och en uppföljning skapas två veckor före slutet.")
    @PostMapping(path = "/{caseNumber}/local-protection", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> localProtection(@PathVariable String caseNumber, @RequestBody LocalProtectionRequest body) {
        if (body == null) {
            throw new InvalidInputException("reason", "Uppgifter saknas i anropet.");
        }
        localProtection.decide(CaseNumber.parse(caseNumber), body.reason(), body.until());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Hämta ett ärende",
            description = "403 Behörighet saknas, likadant för ett ärende som inte finns och ett ärende om en skyddad person utan behörighet.")
    @GetMapping("/{caseNumber}")
    CaseView get(@PathVariable String caseNumber) {
        return cases.open(CaseNumber.parse(caseNumber));
    }
}
