package se.omsorgsnav.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.omsorgsnav.access.AuditLogAction;
import se.omsorgsnav.access.Role;
import se.omsorgsnav.access.StaffDirectory;
import se.omsorgsnav.audit.AuditAction;
import se.omsorgsnav.audit.AuditOutcome;
import se.omsorgsnav.audit.AuditReviews;
import se.omsorgsnav.audit.ReviewFlag;
import se.omsorgsnav.audit.ReviewOutcome;
import se.omsorgsnav.shared.CsvFile;
import se.omsorgsnav.shared.InvalidInputException;

/**
 * The log review pages (AUD-3, AUD-4): open a review over a scope, read it with its flags,
 * conclude it, export it. Here in the shell because the form needs the units (access) and the
 * review itself is audit's; the rules live in {@link AuditReviews}.
 */
@Controller
class AuditReviewController {

    private final AuditReviews reviews;
    private final StaffDirectory staff;
    private final AuditReviewAccess access;
    private final Clock clock;

    AuditReviewController(AuditReviews reviews, StaffDirectory staff, AuditReviewAccess access, Clock clock) {
        this.access = access;
        this.reviews = reviews;
        this.staff = staff;
        this.clock = clock;
    }

    @GetMapping("/audit/reviews")
    String list(@RequestParam(name = "person", required = false) UUID person, Model model) {
        access.require(AuditLogAction.AUDIT_REVIEW_LIST);
        LocalDate today = LocalDate.now(clock);
        return form(model, person, "", null, today.minusMonths(1).toString(), today.toString(), "20", null);
    }

    @PostMapping("/audit/reviews")
    String open(@RequestParam(name = "person", required = false) UUID person,
                @RequestParam(name = "user", defaultValue = "") String user,
                @RequestParam(name = "unit", required = false) UUID unit,
                @RequestParam(name = "from", defaultValue = "") String from,
                @RequestParam(name = "to", defaultValue = "") String to,
                @RequestParam(name = "sampleSize", defaultValue = "") String sampleSize,
                Model model, HttpServletResponse response) {
        access.require(AuditLogAction.AUDIT_REVIEW_OPENED);
        try {
            UUID id = reviews.open(new AuditReviews.Scope(person, user, unit, date("from", from), date("to", to)), number(sampleSize));
            return "redirect:/audit/reviews/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, person, user, unit, from, to, sampleSize, e.getMessage());
        }
    }

    @GetMapping("/audit/reviews/{id}")
    String review(@PathVariable UUID id, @RequestParam(name = "sida", defaultValue = "1") int page, Model model) {
        access.require(AuditLogAction.AUDIT_REVIEW_VIEWED, id);
        return show(model, reviews.find(id, Math.max(0, page - 1)), null, null, "");
    }

    @PostMapping("/audit/reviews/{id}/conclusion")
    String conclude(@PathVariable UUID id, @RequestParam(name = "outcome", required = false) String outcome,
                    @RequestParam(name = "conclusion", defaultValue = "") String conclusion, Model model,
                    HttpServletResponse response) {
        access.require(AuditLogAction.AUDIT_REVIEW_CONCLUDED, id);
        try {
            reviews.conclude(id, outcome(outcome), conclusion);
            return "redirect:/audit/reviews/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(model, reviews.find(id, 0), e.getMessage(), outcome, conclusion);
        }
    }

    @GetMapping(path = "/audit/reviews/{id}/export.csv")
    ResponseEntity<byte[]> export(@PathVariable UUID id) {
        access.require(AuditLogAction.AUDIT_REVIEW_EXPORT, id);
        AuditReviews.Export export = reviews.exportCsv(id);
        return CsvFile.download(export.filename(), export.content());
    }

    private String form(Model model, UUID person, String user, UUID unit, String from, String to, String sampleSize, String error) {
        model.addAttribute("recent", access.recent(20));
        model.addAttribute("units", staff.units());
        model.addAttribute("person", person);
        model.addAttribute("user", user);
        model.addAttribute("unit", unit);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("sampleSize", sampleSize);
        model.addAttribute("error", error);
        return "audit/reviews";
    }

    private String show(Model model, AuditReviews.Review review, String error, String outcome, String conclusion) {
        Map<UUID, String> unitNames = staff.units().stream().collect(Collectors.toMap(StaffDirectory.UnitView::id, StaffDirectory.UnitView::name));
        model.addAttribute("review", review);
        model.addAttribute("unitNames", unitNames);
        model.addAttribute("actionLabels", AuditAction.LABELS);
        model.addAttribute("outcomeLabels", AuditOutcome.LABELS);
        model.addAttribute("roleTitles", Role.TITLES);
        model.addAttribute("flags", ReviewFlag.values());
        model.addAttribute("outcomes", ReviewOutcome.values());
        model.addAttribute("mine", access.mayConclude(review.summary().id()));
        model.addAttribute("error", error);
        model.addAttribute("outcome", outcome);
        model.addAttribute("conclusion", conclusion);
        model.addAttribute("zone", clock.getZone());
        return "audit/review";
    }

    private static LocalDate date(String field, String value) {
        if (value.isBlank()) {
            throw new InvalidInputException(field, "Ange periodens första och sista dag (ÅÅÅÅ-MM-DD).");
        }
        try {
            return se.omsorgsnav.shared.DateInput.iso(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "Datumet ska skrivas ÅÅÅÅ-MM-DD.");
        }
    }

    private static int number(String value) {
        if (value.isBlank()) {
            return 20;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("sampleSize", "Ange stickprovets storlek som ett heltal.");
        }
    }

    private static ReviewOutcome outcome(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ReviewOutcome.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("outcome", "Välj vad granskningen visade.");
        }
    }
}
