package se.omsorgsnav.casework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.omsorgsnav.casework.Intakes;
import se.omsorgsnav.casework.NewIntake;
import se.omsorgsnav.person.ProtectionLevel;
import se.omsorgsnav.shared.CaseNumber;
import se.omsorgsnav.shared.IdempotentRequests;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.PersonalIdentityNumber;

/** LVS's intake for a protected person without an earlier case, over the API (002 §2.4). */
@RestController
@Tag(name = "Ärenden")
class IntakeApiController {

    private final Intakes intakes;
    private final java.time.Clock clock;

    IntakeApiController(Intakes intakes, java.time.Clock clock) {
        this.intakes = intakes;
        this.clock = clock;
    }

    record IntakeRequest(String idempotencyKey, UUID receivingUnitId, String receiverUsername, String receiverTitle, String operation,
                         String personalIdentityNumber, String firstName, String lastName, ProtectionLevel protectionLevel,
                         String fictitiousName, String concerns, String preliminaryCaseType, NewIntake.Kind kind, LocalDate receivedOn,
                         NewIntake.ArrivalMethod arrivalMethod, NewIntake.ArrivedFrom arrivedFrom, String arrivedFromName,
                         String arrivedFromContact, LocalDate authorizedUntil) {}

    record Registered(String caseNumber) {}

    @Operation(summary = "Aktualisera ärende för skyddad person utan tidigare ärende (LVS med tilldelningsrätt)",
            description = "De elva uppgifterna i rutinens 2.4. Registrerar personen (eller hittar den), öppnar ärendet på mottagande enhet med "
                    + "mottagaren som ansvarig handläggare och ger mottagaren personlig behörighet till och med authorizedUntil (högst ett år). "
                    + "Allt eller inget. 201 med ärendenumret; personnumret förekommer aldrig i adressen. "
                    + IdempotentRequests.API_DESCRIPTION)
    @PostMapping(path = "/api/v1/intakes", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Registered> register(@RequestBody IntakeRequest body) {
        if (body == null) {
            throw new InvalidInputException("body", "Uppgifter saknas i anropet.");
        }
        IdempotentRequests.Outcome<CaseNumber> registered = intakes.register(body.idempotencyKey(), new NewIntake(body.receivingUnitId(),
                body.receiverUsername(), body.receiverTitle(), body.operation(),
                body.personalIdentityNumber() == null ? null : PersonalIdentityNumber.parse(body.personalIdentityNumber(), LocalDate.now(clock)),
                body.firstName(), body.lastName(), body.protectionLevel(), body.fictitiousName(), body.concerns(), body.preliminaryCaseType(),
                body.kind(), body.receivedOn(), body.arrivalMethod(), body.arrivedFrom(), body.arrivedFromName(), body.arrivedFromContact(),
                body.authorizedUntil()));
        String number = registered.result().value();
        return registered.answer(URI.create("/api/v1/cases/" + number), new Registered(number));
    }
}
