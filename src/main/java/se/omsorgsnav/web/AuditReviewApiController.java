package se.omsorgsnav.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.omsorgsnav.access.AuditLogAction;
import se.omsorgsnav.audit.AuditReviews;
import se.omsorgsnav.audit.ReviewOutcome;
import se.omsorgsnav.shared.CsvFile;
import se.omsorgsnav.shared.IdempotentRequests;
import se.omsorgsnav.shared.InvalidInputException;

/** Log reviews over the API (AUD-3, AUD-4): open, read, conclude, export. */
@RestController
@Tag(name = "Loggkontroll")
class AuditReviewApiController {

    private final AuditReviews reviews;
    private final AuditReviewAccess access;

    AuditReviewApiController(AuditReviews reviews, AuditReviewAccess access) {
        this.reviews = reviews;
        this.access = access;
    }

    record OpenReview(String idempotencyKey, UUID person, String user, UUID unit, LocalDate from, LocalDate to, Integer sampleSize) {}

    @Operation(summary = "Öppna en loggranskning",
            description = "Avgränsa med person (ogenomskinligt id), användarnamn, enhet och period. Granskningen drar ett slumpmässigt stickprov "
                    + "(standard 20) och flaggar enligt reglerna: skyddad person, ingen ärendekoppling, utanför arbetstid (svensk kalender), "
                    + "många personer på kort tid och nekad åtkomst. Svarar med granskningens första sida. Öppnandet loggas. "
                    + IdempotentRequests.API_DESCRIPTION + " En upprepning drar inget nytt stickprov.")
    @PostMapping(path = "/api/v1/audit/reviews", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AuditReviews.Review> open(@RequestBody OpenReview body) {
        access.require(AuditLogAction.AUDIT_REVIEW_OPENED);
        if (body == null) {
            throw new InvalidInputException("body", "Uppgifter saknas i anropet.");
        }
        IdempotentRequests.Outcome<UUID> opened = reviews.open(body.idempotencyKey(),
                new AuditReviews.Scope(body.person(), body.user(), body.unit(), body.from(), body.to()),
                body.sampleSize() == null ? 20 : body.sampleSize());
        UUID id = opened.result();
        access.require(AuditLogAction.AUDIT_REVIEW_VIEWED, id);
        return opened.answer(URI.create("/api/v1/audit/reviews/" + id), reviews.find(id, 0));
    }

    @Operation(summary = "De senaste loggranskningarna")
    @GetMapping(path = "/api/v1/audit/reviews", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AuditReviews.Summary> recent() {
        return access.recent(50);
    }

    @Operation(summary = "En loggranskning, en sida av dess händelser",
            description = "Personer visas genom utlämningsspärren: en skyddad person är maskerad för den som saknar särskild behörighet.")
    @GetMapping(path = "/api/v1/audit/reviews/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    AuditReviews.Review find(@PathVariable UUID id, @RequestParam(name = "page", defaultValue = "0") int page) {
        access.require(AuditLogAction.AUDIT_REVIEW_VIEWED, id);
        return reviews.find(id, page);
    }

    record Conclusion(ReviewOutcome outcome, String conclusion) {}

    @Operation(summary = "Avsluta en loggranskning med bedömning och slutsats",
            description = "Bara den som öppnade granskningen läser och avslutar den, och bara en gång. Avslutet loggas.")
    @PostMapping(path = "/api/v1/audit/reviews/{id}/conclusion", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    AuditReviews.Review conclude(@PathVariable UUID id, @RequestBody Conclusion body) {
        access.require(AuditLogAction.AUDIT_REVIEW_CONCLUDED, id);
        if (body == null) {
            throw new InvalidInputException("body", "Uppgifter saknas i anropet.");
        }
        reviews.conclude(id, body.outcome(), body.conclusion());
        return reviews.find(id, 0);
    }

    @Operation(summary = "Exportera en loggranskning som CSV", description = "Semikolonseparerad, UTF-8. Exporten loggas.")
    @GetMapping(path = "/api/v1/audit/reviews/{id}/export", produces = "text/csv")
    ResponseEntity<byte[]> export(@PathVariable UUID id) {
        access.require(AuditLogAction.AUDIT_REVIEW_EXPORT, id);
        AuditReviews.Export export = reviews.exportCsv(id);
        return CsvFile.download(export.filename(), export.content());
    }
}
