package se.omsorgsnav.placement.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.omsorgsnav.placement.ApartmentView;
import se.omsorgsnav.placement.Allocations;
import se.omsorgsnav.placement.Apartments;
import se.omsorgsnav.placement.Decisions;
import se.omsorgsnav.placement.Executions;
import se.omsorgsnav.placement.Offers;
import se.omsorgsnav.placement.PlacementStatistics;
import se.omsorgsnav.placement.PlacementStatisticsView;
import se.omsorgsnav.placement.QueueEntry;
import se.omsorgsnav.placement.Vacancies;
import se.omsorgsnav.placement.VacancyView;
import se.omsorgsnav.shared.IdempotentRequests;
import se.omsorgsnav.shared.InvalidInputException;

/** A nursing home's apartments and vacancy reports (PLC-3), for the home's unit manager. */
@RestController
@RequestMapping(path = "/api/v1/placement", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Boendeplacering")
class PlacementApiController {

    private final Apartments apartments;
    private final Vacancies vacancies;
    private final Decisions decisions;
    private final Allocations allocations;
    private final Offers offers;
    private final Executions executions;
    private final PlacementStatistics statistics;

    PlacementApiController(Apartments apartments, Vacancies vacancies, Decisions decisions, Allocations allocations, Offers offers,
                           Executions executions, PlacementStatistics statistics) {
        this.statistics = statistics;
        this.executions = executions;
        this.offers = offers;
        this.allocations = allocations;
        this.apartments = apartments;
        this.vacancies = vacancies;
        this.decisions = decisions;
    }

    @Operation(summary = "Signera beslut om vård- och omsorgsboende",
            description = "Biståndshandläggaren, på ett ärende hen får öppna (skyddad person: behörighet och PIN-kod). careProfile SOMATIC/DEMENTIA, "
                    + "currentResidence OWN_HOME/SHORT_STAY/HOSPITAL. Beslutet hamnar i bostadskön och BOSAM får meddelandet Nytt beslut "
                    + "om vård- och omsorgsboende i samma transaktion. 201 med id. " + IdempotentRequests.API_DESCRIPTION)
    @PostMapping(path = "/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, UUID>> sign(@RequestBody DecisionRequest body) {
        DecisionRequest b = body == null ? new DecisionRequest(null, null, null, null, null, null, null, null, null) : body;
        IdempotentRequests.Outcome<UUID> signed = decisions.sign(b.idempotencyKey(), new Decisions.NewDecision(b.caseNumber(), b.careProfile(),
                b.decidedOn(), b.currentResidence(), b.coResident(), b.wishes(), b.specialReasons(), b.relativeContact()));
        return signed.answer(URI.create("/api/v1/placement/decisions/" + signed.result()), Map.of("id", signed.result()));
    }

    record DecisionRequest(String idempotencyKey, String caseNumber, String careProfile, String decidedOn, String currentResidence,
                           Boolean coResident, String wishes, String specialReasons, String relativeContact) {}

    record AllocationRequest(String idempotencyKey, UUID decisionId, UUID apartmentId, String offerMaker) {}

    @Operation(summary = "Tilldela en lägenhet",
            description = "Boendesamordnaren tilldelar en rapporterat ledig lägenhet med rätt inriktning till ett beslut i kön; boendets "
                    + "meddelandegrupp får personen att erbjuda. 409 om lägenheten eller personen redan tilldelats, också samtidigt. "
                    + "offerMaker UNIT_MANAGER, COORDINATOR eller CASE_OFFICER; för en person med skyddade personuppgifter krävs "
                    + "COORDINATOR eller CASE_OFFICER. 201 med id. " + IdempotentRequests.API_DESCRIPTION)
    @PostMapping(path = "/allocations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, UUID>> allocate(@RequestBody AllocationRequest body) {
        AllocationRequest a = body == null ? new AllocationRequest(null, null, null, null) : body;
        IdempotentRequests.Outcome<UUID> allocated = allocations.allocate(a.idempotencyKey(),
                new Allocations.NewAllocation(a.decisionId(), a.apartmentId(), a.offerMaker()));
        return allocated.answer(URI.create("/api/v1/placement/allocations/" + allocated.result()), Map.of("id", allocated.result()));
    }

    record OfferRequest(String offeredOn) {}

    @Operation(summary = "Erbjudandet är lämnat",
            description = "Den överenskomna som lämnar erbjudandet (enhetschefen, eller vid skyddade personuppgifter boendesamordnaren eller "
                    + "biståndshandläggaren). Svar ska komma inom en arbetsdag; fristen sparas med sin regel.")
    @PostMapping(path = "/allocations/{id}/offer", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> offered(@PathVariable UUID id, @RequestBody OfferRequest body) {
        offers.offered(id, body == null ? null : body.offeredOn());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Svaret på erbjudandet",
            description = "answer ACCEPT eller DECLINE. Ja: inflyttning inom sju dagar från att lägenheten är klar, annars med skäl; hyran "
                    + "gäller från svaret (eller från att lägenheten är klar); BOSAM får inflyttningsmeddelandet. Nej: personen står kvar i kön.")
    @PostMapping(path = "/allocations/{id}/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> answered(@PathVariable UUID id, @RequestBody Offers.Answer body) {
        offers.answered(id, body == null ? new Offers.Answer(null, null, null, null) : body);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Erbjudanden utan svar efter fristen", description = "Boendesamordnare och administrativa assistenter.")
    @GetMapping("/offers/overdue")
    List<Offers.OverdueOffer> overdue() {
        return offers.overdue();
    }

    @Operation(summary = "Verkställ beslutet",
            description = "Boendets administrativa assistent (eller verksamhetsledaren) när insatsen har börjat, senast nästkommande "
                    + "arbetsdag efter inflyttningen; ett senare datum markeras som sent. landlordNotifiedOn: när fastighetsägaren fick veta "
                    + "vem som flyttar in och från vilket datum hyran gäller.")
    @PostMapping(path = "/allocations/{id}/execution", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> execute(@PathVariable UUID id, @RequestBody Executions.Execution body) {
        executions.execute(id, body == null ? new Executions.Execution(null, null) : body);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Ej verkställda beslut efter tre månader",
            description = "Underlaget för kvartalsrapporten till IVO: beslut fattade för minst tre månader sedan som inte är verkställda. "
                    + "Verksamhetsledare, boendesamordnare och enhetschefer; skyddade personer maskeras.")
    @GetMapping("/unexecuted")
    List<Executions.Unexecuted> unexecuted() {
        return executions.unexecuted();
    }

    record RelocationWishRequest(String wish) {}

    @Operation(summary = "Önskemål om omplacering",
            description = "Efter inflyttningen (accepterat eller verkställt beslut): boendesamordnare och administrativa assistenter. Tomt "
                    + "önskemål tar bort det.")
    @PostMapping(path = "/decisions/{id}/relocation-wish", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> relocationWish(@PathVariable UUID id, @RequestBody RelocationWishRequest body) {
        decisions.relocationWish(id, body == null ? null : body.wish());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Registrerade önskemål om omplacering", description = "Äldst först; skyddade personer maskeras och önskemålet visas inte.")
    @GetMapping("/relocation-wishes")
    List<Decisions.RelocationWish> relocationWishes() {
        return decisions.relocationWishes();
    }

    @Operation(summary = "Bostadskön", description = "Beslut som väntar, äldst först, med väntedagar. Boendesamordnare, administrativa "
            + "assistenter och verksamhetsledare. Skyddade personer maskeras; önskemål och anhörig visas då inte.")
    @GetMapping("/queue")
    List<QueueEntry> queue() {
        return decisions.queue();
    }

    @Operation(summary = "Statistik: bostadskön, väntetider och tomma lägenhetsdagar",
            description = "Per månad för de senaste months månaderna (12, 24, 60 eller 120; innevarande månad till och med i dag): "
                    + "personer i kön vid månadens slut (beslut som inte flyttat in; återtagna beslut räknas inte), dagar från beslut till "
                    + "första erbjudande och till inflyttning (antal, median och 90:e percentil, interpolerade) och lägenhetsdagar då en "
                    + "lägenhet var klar för inflyttning men stod tom, samt de tomma dagarna per boende för hela perioden. Bara antal: "
                    + "inga personer eller ärenden. Boendesamordnare och verksamhetsledare; enhetschefen för ett vård- och "
                    + "omsorgsboende får de tomma dagarna för sitt eget boende. Andra roller: 403 Behörighet saknas.")
    @GetMapping("/statistics")
    PlacementStatisticsView statistics(
            @Parameter(description = "Periodens längd i månader: 12, 24, 60 eller 120.") @RequestParam(defaultValue = "12") int months,
            @Parameter(description = "Ett boendes id: de tomma lägenhetsdagarna per månad för det boendet i stället för alla.")
            @RequestParam(required = false) UUID home) {
        return statistics.over(months, home);
    }

    record ApartmentRequest(String idempotencyKey, String number, String careProfile, String remarks, String monthlyRent, Integer version) {}

    @Operation(summary = "Mitt boendes lägenheter", description = "Enhetschefen för ett vård- och omsorgsboende; med senaste ledighet.")
    @GetMapping("/apartments")
    List<ApartmentView> apartments() {
        return apartments.ofMyHome();
    }

    @Operation(summary = "Lägg till en lägenhet", description = "careProfile SOMATIC eller DEMENTIA; numret unikt inom boendet. 201 med id. "
            + IdempotentRequests.API_DESCRIPTION)
    @PostMapping(path = "/apartments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, UUID>> add(@RequestBody ApartmentRequest body) {
        ApartmentRequest b = body == null ? new ApartmentRequest(null, null, null, null, null, null) : body;
        IdempotentRequests.Outcome<UUID> added = apartments.add(b.idempotencyKey(),
                new Apartments.ApartmentForm(b.number(), b.careProfile(), b.remarks(), b.monthlyRent()));
        return added.answer(URI.create("/api/v1/placement/apartments/" + added.result()), Map.of("id", added.result()));
    }

    @Operation(summary = "Ändra en lägenhet", description = "Med version från listan: 400 om någon annan hunnit ändra den.")
    @PutMapping(path = "/apartments/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> change(@PathVariable UUID id, @RequestBody ApartmentRequest body) {
        if (body == null || body.version() == null) {
            throw new InvalidInputException("version", "Ange versionen som lägenheten hade när du hämtade den.");
        }
        apartments.change(id, body.version(), new Apartments.ApartmentForm(body.number(), body.careProfile(), body.remarks(), body.monthlyRent()));
        return ResponseEntity.noContent().build();
    }

    record VacancyRequest(String idempotencyKey, UUID apartmentId, String reason, String eventDate, String readyOn, String caseNumber,
                          String remarks) {}

    @Operation(summary = "Rapportera ledig lägenhet",
            description = "reason DEATH, MOVE_OUT eller RENOVATION. Dödsfall och utflyttning med hyresgästens ärendenummer: meddelandet "
                    + "Avliden eller utflyttning går till BOSAM, boendesamordnarna och avgiftshandläggarna. Ett dödsfall som rapporteras "
                    + "senare än nästkommande arbetsdag markeras som sent. 201 med id. " + IdempotentRequests.API_DESCRIPTION)
    @PostMapping(path = "/vacancies", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, UUID>> report(@RequestBody VacancyRequest body) {
        VacancyRequest b = body == null ? new VacancyRequest(null, null, null, null, null, null, null) : body;
        IdempotentRequests.Outcome<UUID> reported = vacancies.report(b.idempotencyKey(),
                new Vacancies.Report(b.apartmentId(), b.reason(), b.eventDate(), b.readyOn(), b.caseNumber(), b.remarks()));
        return reported.answer(URI.create("/api/v1/placement/vacancies/" + reported.result()), Map.of("id", reported.result()));
    }

    @Operation(summary = "Mitt boendes rapporter om lediga lägenheter", description = "Nyast först, högst 100.")
    @GetMapping("/vacancies")
    List<VacancyView> vacancies() {
        return vacancies.ofMyHome();
    }
}
