package se.omsorgsnav.person.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.omsorgsnav.shared.DateInput;
import se.omsorgsnav.person.NewPerson;
import se.omsorgsnav.person.PersonDisclosure;
import se.omsorgsnav.person.PersonRegister;
import se.omsorgsnav.person.PersonView;
import se.omsorgsnav.person.ProtectionLevel;
import se.omsorgsnav.person.Purpose;
import se.omsorgsnav.person.RelationKind;
import se.omsorgsnav.shared.IdempotentRequests;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.PersonalIdentityNumber;

/** The person API. Lookup is a POST so that the personnummer travels in the body, never the URL. */
@RestController
@RequestMapping(path = "/api/v1/persons", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Personer")
class PersonApiController {

    private final PersonDisclosure gate;
    private final PersonRegister register;
    private final Clock clock;

    PersonApiController(PersonDisclosure gate, PersonRegister register, Clock clock) {
        this.gate = gate;
        this.register = register;
        this.clock = clock;
    }

    record LookupRequest(String personalIdentityNumber) {}

    @Operation(summary = "Slå upp en person på personnummer",
            description = "200 med den vy anroparen får se: för en skyddad person utan behörighet är identifierande fält null och masked=true. "
                    + "404 om personen inte finns, 400 för ett ogiltigt personnummer. Varje uppslag loggas.")
    @PostMapping(path = "/lookup", consumes = MediaType.APPLICATION_JSON_VALUE)
    PersonView lookup(@RequestBody LookupRequest request) {
        if (request == null) {
            throw new InvalidInputException("personalIdentityNumber", "Ange personnummer.");
        }
        return gate.lookup(PersonalIdentityNumber.parse(request.personalIdentityNumber(), LocalDate.now(clock)), Purpose.API_LOOKUP);
    }

    record RelationRequest(RelationKind kind, String personalIdentityNumber, String firstName, String lastName, String phone) {}

    record RegistrationRequest(String idempotencyKey, String personalIdentityNumber, String firstName, String lastName,
                               String streetAddress,
                               String postalCode, String city, String phone, ProtectionLevel protectionLevel,
                               String fictitiousName, List<RelationRequest> relations) {}

    record Registered(UUID id) {}

    @Operation(summary = "Registrera en person (lokalt verksamhetsstöd)",
            description = "Registrerar personen med skyddsnivå, eventuellt fiktivt namn och kopplade personer i en "
                    + "transaktion. 403 för andra roller. "
                    + "201 med id. " + IdempotentRequests.API_DESCRIPTION)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Registered> registerPerson(@RequestBody RegistrationRequest request) {
        if (request == null) {
            throw new InvalidInputException("personalIdentityNumber", "Ange personnummer.");
        }
        LocalDate today = LocalDate.now(clock);
        List<NewPerson.NewRelation> relations = request.relations() == null ? List.of() : request.relations().stream()
                .map(r -> {
                    if (r == null) {
                        throw new InvalidInputException("relations", "En kopplad person saknar uppgifter.");
                    }
                    return new NewPerson.NewRelation(r.kind(), parse(r.personalIdentityNumber(), today), r.firstName(),
                            r.lastName(), null, null, null, r.phone());
                })
                .toList();
        IdempotentRequests.Outcome<UUID> registered = register.register(request.idempotencyKey(),
                new NewPerson(parse(request.personalIdentityNumber(), today), request.firstName(),
                request.lastName(), request.streetAddress(), request.postalCode(), request.city(), request.phone(),
                request.protectionLevel(), request.fictitiousName(), null, relations));
        return registered.answer(URI.create("/persons/" + registered.result()), new Registered(registered.result()));
    }

    record DeathRequest(String dateOfDeath) {}

    @Operation(summary = "Registrera dödsdatum (lokalt verksamhetsstöd, tills folkbokföringsimporten finns)",
            description = "Sätter personens dödsdatum en gång. Personen lämnar bostadskön och boendet ombeds rapportera lägenheten ledig. "
                    + "204; 400 för saknat, framtida eller redan registrerat datum; 403 för andra roller.")
    @PostMapping(path = "/{id}/death", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void recordDeath(@PathVariable UUID id, @RequestBody DeathRequest request) {
        register.recordDeath(id, DateInput.required("dateOfDeath", "Dödsdatum", request == null ? null : request.dateOfDeath()));
    }

    private static PersonalIdentityNumber parse(String value, LocalDate today) {
        return value == null ? null : PersonalIdentityNumber.parse(value, today);
    }
}
