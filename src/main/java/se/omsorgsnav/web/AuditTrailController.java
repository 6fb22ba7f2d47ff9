package se.omsorgsnav.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.AuditLogAction;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.audit.AuditTrail;
import se.omsorgsnav.shared.InvalidInputException;

/** The audit log for review (AUD-3): managers, LVS and SAS ({@link AuditLogAction#AUDIT_SEARCH}). */
@RestController
@Tag(name = "Loggkontroll")
class AuditTrailController {

    private final AuditTrail trail;
    private final AccessControl access;

    AuditTrailController(AuditTrail trail, AccessControl access) {
        this.trail = trail;
        this.access = access;
    }

    @Operation(summary = "Sök i åtkomstloggen",
            description = "Filtrera på person (ogenomskinligt id, aldrig personnummer), användarnamn, enhet och period. Nyaste först, "
                    + "sidor med nyckelmarkör: skicka svarets next som cursor. Sökningen loggas.")
    @GetMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    AuditTrail.Page search(@RequestParam(name = "person", required = false) UUID person,
                           @RequestParam(name = "user", required = false) String user,
                           @RequestParam(name = "unit", required = false) UUID unit,
                           @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @RequestParam(name = "cursor", required = false) String cursor,
                           @RequestParam(name = "limit", defaultValue = "100") int limit) {
        access.require(AuditLogAction.AUDIT_SEARCH, Target.NONE);
        return trail.search(new AuditTrail.Query(person, user, unit, day("from", from), day("to", to)), cursor, limit, "AUDIT_SEARCH");
    }

    /** ISO parsing also reads years beyond four digits ("+999999999-12-01"), which PostgreSQL's timestamps do not reach (was a 500). */
    private static LocalDate day(String field, LocalDate value) {
        if (value != null && (value.getYear() < 1 || value.getYear() > 9999)) {
            throw new InvalidInputException(field, "Datumet ska skrivas ÅÅÅÅ-MM-DD.");
        }
        return value;
    }
}
