package se.omsorgsnav.access.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.omsorgsnav.access.AuthorizationAdministration;
import se.omsorgsnav.access.AuthorizationRequestView;
import se.omsorgsnav.access.AuthorizationRequests;
import se.omsorgsnav.access.CaseAuthorizationView;
import se.omsorgsnav.shared.IdempotentRequests;
import se.omsorgsnav.shared.InvalidInputException;

/** Ordering, granting, refusing, listing and revoking personal authorisations (PROT-6–9, PROT-15). */
@RestController
@Tag(name = "Särskild behörighet")
class AuthorizationApiController {

    private final AuthorizationRequests requests;
    private final AuthorizationAdministration administration;

    AuthorizationApiController(AuthorizationRequests requests, AuthorizationAdministration administration) {
        this.requests = requests;
        this.administration = administration;
    }

    record OrderRequest(String idempotencyKey, AuthorizationRequestView.Kind kind, String caseNumber, String username, LocalDate validFrom,
                        LocalDate validTo,
                        String reason) {}

    record Created(UUID id) {}

    @Operation(summary = "Beställ eller ta bort behörighet (enhetschef)",
            description = "Beställning till LVS med ärendenummer, användare och period — aldrig personnummer. Perioden prövas direkt: högst ett år, "
                    + "högst tre månader vid lokalt skydd. Avgiftshandläggare kan inte beställas. 201 med id. "
                    + IdempotentRequests.API_DESCRIPTION)
    @PostMapping(path = "/api/v1/authorization-requests", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Created> order(@RequestBody OrderRequest body) {
        require(body);
        IdempotentRequests.Outcome<UUID> ordered = requests.order(body.idempotencyKey(), new AuthorizationRequests.NewRequest(body.kind(),
                body.caseNumber(), body.username(), body.validFrom(), body.validTo(), body.reason()));
        return ordered.answer(URI.create("/api/v1/authorization-requests/" + ordered.result()), new Created(ordered.result()));
    }

    @Operation(summary = "Arbetslista: öppna beställningar (LVS) eller egna beställningar (enhetschef)")
    @GetMapping(path = "/api/v1/authorization-requests", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AuthorizationRequestView> workList() {
        return requests.workList();
    }

    record Refusal(String note) {}

    @Operation(summary = "Avslå en beställning (LVS med tilldelningsrätt)")
    @PostMapping(path = "/api/v1/authorization-requests/{id}/refusal", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> refuse(@PathVariable UUID id, @RequestBody Refusal body) {
        require(body);
        requests.refuse(id, body.note());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Genomför en beställning om borttag (LVS med tilldelningsrätt)")
    @PostMapping(path = "/api/v1/authorization-requests/{id}/removal")
    ResponseEntity<Void> remove(@PathVariable UUID id) {
        administration.removeAsOrdered(id);
        return ResponseEntity.noContent().build();
    }

    record GrantRequest(String idempotencyKey, String username, LocalDate validFrom, LocalDate validTo, UUID requestId) {}

    @Operation(summary = "Ge en användare behörighet till ett skyddat ärende (LVS med tilldelningsrätt)",
            description = "Högst ett år, högst tre månader vid lokalt skydd, aldrig till avgiftshandläggare. Går ut av sig själv. "
                    + "201 med id. " + IdempotentRequests.API_DESCRIPTION)
    @PostMapping(path = "/api/v1/cases/{caseNumber}/authorizations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Created> grant(@PathVariable String caseNumber, @RequestBody GrantRequest body) {
        require(body);
        IdempotentRequests.Outcome<UUID> granted = administration.grant(body.idempotencyKey(),
                new AuthorizationAdministration.Grant(caseNumber, body.username(), body.validFrom(), body.validTo(), body.requestId()));
        UUID id = granted.result();
        return granted.answer(URI.create("/api/v1/cases/" + caseNumber + "/authorizations/" + id), new Created(id));
    }

    @Operation(summary = "Vilka som har, har haft eller ska få behörighet till ärendet (LVS, enhetschef för ärendets enhet)")
    @GetMapping(path = "/api/v1/cases/{caseNumber}/authorizations", produces = MediaType.APPLICATION_JSON_VALUE)
    List<CaseAuthorizationView> list(@PathVariable String caseNumber) {
        return administration.forCase(caseNumber);
    }

    @Operation(summary = "Återkalla en behörighet (LVS, enhetschef för ärendets enhet)")
    @DeleteMapping(path = "/api/v1/cases/{caseNumber}/authorizations/{id}")
    ResponseEntity<Void> revoke(@PathVariable String caseNumber, @PathVariable UUID id) {
        administration.revoke(caseNumber, id);
        return ResponseEntity.noContent().build();
    }

    private static void require(Object body) {
        if (body == null) {
            throw new InvalidInputException("body", "Uppgifter saknas i anropet.");
        }
    }
}
