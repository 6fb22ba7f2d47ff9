package se.omsorgsnav.person.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.Role;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.audit.AuditAction;
import se.omsorgsnav.audit.AuditOutcome;
import se.omsorgsnav.audit.AuditTrail;
import se.omsorgsnav.person.PersonAction;
import se.omsorgsnav.person.PersonDisclosure;
import se.omsorgsnav.person.PersonView;
import se.omsorgsnav.person.Purpose;
import se.omsorgsnav.shared.CsvFile;
import se.omsorgsnav.shared.InvalidInputException;

/**
 * A person's own extract of who accessed their data and when (PROT-23, GDPR art. 15), produced
 * by a unit manager who may open the person: on a page in keyset pages, or as one CSV file to hand
 * over. Producing it is itself logged.
 */
@Controller
class AccessExtractController {

    private static final int PAGE = 200;
    /** An extract longer than this is produced for a shorter period, not in one file. */
    private static final int MAX_EXPORT = 20_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final PersonDisclosure gate;
    private final AccessControl access;
    private final AuditTrail trail;
    private final Clock clock;

    AccessExtractController(PersonDisclosure gate, AccessControl access, AuditTrail trail, Clock clock) {
        this.gate = gate;
        this.access = access;
        this.trail = trail;
        this.clock = clock;
    }

    @GetMapping("/persons/{id}/access-extract")
    String page(@PathVariable UUID id, @RequestParam(name = "cursor", required = false) String cursor, Model model) {
        requireUnitManager();
        model.addAttribute("person", gate.open(id, Purpose.ACCESS_EXTRACT));
        AuditTrail.Page page = trail.search(new AuditTrail.Query(id, null, null, null, null), cursor, PAGE, "ACCESS_EXTRACT");
        model.addAttribute("entries", page.entries());
        model.addAttribute("next", page.next());
        model.addAttribute("first", cursor == null || cursor.isBlank());
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("roleTitles", Role.TITLES);
        model.addAttribute("actionLabels", AuditAction.LABELS);
        model.addAttribute("outcomeLabels", AuditOutcome.LABELS);
        return "person/access-extract";
    }

    @GetMapping("/persons/{id}/access-extract.csv")
    ResponseEntity<byte[]> csv(@PathVariable UUID id) {
        requireUnitManager();
        PersonView person = gate.open(id, Purpose.ACCESS_EXTRACT_EXPORT);
        List<AuditTrail.Entry> entries = new ArrayList<>();
        String cursor = null;
        do {
            AuditTrail.Page page = trail.search(new AuditTrail.Query(id, null, null, null, null), cursor, AuditTrail.MAX_PAGE,
                    "ACCESS_EXTRACT_EXPORT");
            entries.addAll(page.entries());
            cursor = page.next();
            if (entries.size() > MAX_EXPORT) {
                throw new InvalidInputException("cursor", "Utdraget har fler än " + MAX_EXPORT + " händelser. Bläddra i det på sidan i stället.");
            }
        } while (cursor != null);

        CsvFile csv = new CsvFile()
                .line(List.of("Loggutdrag", person.displayName() + " " + person.personalIdentityNumber()))
                .line(List.of("Framtaget", LocalDate.now(clock).toString()))
                .blankLine()
                .line(List.of("Tidpunkt", "Användare", "Roll", "Åtgärd", "Sammanhang", "Utfall"));
        for (AuditTrail.Entry e : entries) {
            csv.line(List.of(TIME.format(e.occurredAt().atZoneSameInstant(clock.getZone())), e.actorUsername(),
                    Role.TITLES.getOrDefault(e.actorRole(), e.actorRole()), AuditAction.labelOf(e.action()), e.purpose(), AuditOutcome.labelOf(e.outcome())));
        }
        // The file name carries no personal data: it may end up in a download folder's listing.
        return CsvFile.download("loggutdrag-" + LocalDate.now(clock) + ".csv", csv.bytes());
    }

    /** The role first; the person is then opened through the gate, which audits the view or the refusal. */
    private void requireUnitManager() {
        access.require(PersonAction.ACCESS_EXTRACT, Target.NONE);
    }
}
