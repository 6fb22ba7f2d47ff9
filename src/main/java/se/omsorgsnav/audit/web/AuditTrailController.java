package se.omsorgsnav.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.omsorgsnav.audit.AuditTrail;

/** The audit log for review (AUD-3): managers, LVS and SAS (see the security configuration). */
@RestController
@Tag(name = "Loggkontroll")
class AuditTrailController {

    private final AuditTrail trail;

    AuditTrailController(AuditTrail trail) {
        this.trail = trail;
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
        return trail.search(new AuditTrail.Query(person, user, unit, from, to), cursor, limit, "AUDIT_SEARCH");
    }
}
