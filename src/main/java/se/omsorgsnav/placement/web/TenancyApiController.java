package se.omsorgsnav.placement.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.omsorgsnav.placement.Offers;
import se.omsorgsnav.placement.Tenancies;
import se.omsorgsnav.placement.Tenant;

/** Around the move-in, for the home's unit manager (seed 003 "Enhetschef" 10-11, "Boendesamordning assistent" 8). */
@RestController
@RequestMapping(path = "/api/v1/placement", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Boendeplacering")
class TenancyApiController {

    private final Tenancies tenancies;
    private final Offers offers;

    TenancyApiController(Tenancies tenancies, Offers offers) {
        this.tenancies = tenancies;
        this.offers = offers;
    }

    @Operation(summary = "Mitt boendes hyresgäster",
            description = "Enhetschefen: nuvarande hyresgäster per lägenhet med ärendenummer, placerade när beslutet verkställdes. En hyresgäst "
                    + "vars dödsfall folkbokföringen registrerat visas med dagen då lägenheten senast ska rapporteras ledig (nästkommande arbetsdag) "
                    + "och om den har passerat.")
    @GetMapping("/tenants")
    List<Tenant> tenants() {
        return tenancies.ofMyHome();
    }

    record HomeVisit(String homeVisitOfferedOn) {}

    @Operation(summary = "Hembesök erbjudet före inflyttningen",
            description = "Enhetschefen på boendet, efter att erbjudandet accepterats. Journalförs i ärendet. 204; 409 om erbjudandet inte är accepterat.")
    @PostMapping(path = "/allocations/{id}/home-visit", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void homeVisit(@PathVariable UUID id, @RequestBody HomeVisit body) {
        offers.homeVisitOffered(id, body == null ? null : body.homeVisitOfferedOn());
    }

    record WelcomeTalk(String welcomeTalkOn, String welcomeTalkWith) {}

    @Operation(summary = "Välkomstsamtal hållet efter inflyttningen",
            description = "Enhetschefen: datum och vilka som deltog (till exempel anhörig, kontaktman, sjuksköterska; aldrig personnummer). "
                    + "Journalförs i ärendet. 204; 400 för datum före inflyttningen eller i framtiden.")
    @PostMapping(path = "/tenancies/{id}/welcome-talk", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void welcomeTalk(@PathVariable UUID id, @RequestBody WelcomeTalk body) {
        tenancies.welcomeTalk(id, body == null ? null : body.welcomeTalkOn(), body == null ? null : body.welcomeTalkWith());
    }
}
