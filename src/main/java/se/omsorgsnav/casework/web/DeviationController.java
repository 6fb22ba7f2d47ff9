package se.omsorgsnav.casework.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.omsorgsnav.access.StepUpRequired;
import se.omsorgsnav.casework.Deviations;
import se.omsorgsnav.shared.InvalidInputException;

/** Reporting a deviation in the browser (PROT-16). */
@Controller
class DeviationController {

    private final Deviations deviations;
    private final java.time.Clock clock;

    DeviationController(Deviations deviations, java.time.Clock clock) {
        this.deviations = deviations;
        this.clock = clock;
    }

    /** The form carries a key made when it is shown, so that a form sent twice reports once (issue 15). */
    @GetMapping("/deviations/new")
    String form(Model model) {
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "casework/deviation";
    }

    @PostMapping("/deviations")
    String report(@RequestParam(name = "idempotencyKey", required = false) String idempotencyKey,
                  @RequestParam(name = "caseNumber", required = false) String caseNumber,
                  @RequestParam(name = "description", required = false) String description, Model model, HttpServletResponse response) {
        try {
            if (idempotencyKey == null) {
                // A form shown before the key was added to it.
                deviations.report(caseNumber, description);
            } else {
                deviations.report(idempotencyKey, caseNumber, description);
            }
            return "redirect:/deviations/new?rapporterad";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
            // Nothing was stored, so the corrected form may use the same key.
            model.addAttribute("idempotencyKey", idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey);
            model.addAttribute("caseNumber", caseNumber);
            model.addAttribute("description", description);
            return "casework/deviation";
        }
    }

    /** SAS and unit managers: "ej person" deviations still waiting for their person (PROT-16). */
    @GetMapping("/deviations/unattached")
    String unattached(Model model) {
        return unattachedPage(model, null);
    }

    /**
     * An authorised user attaches one to the person of a case; anyone else gets "Behörighet
     * saknas", as for a case that does not exist.
     */
    @PostMapping("/deviations/{id}/attachment")
    String attach(@PathVariable UUID id, @RequestParam(name = "caseNumber", required = false) String caseNumber, Model model,
                  HttpServletResponse response) {
        try {
            deviations.attach(id, caseNumber);
            return "redirect:/deviations/unattached?kopplad";
        } catch (StepUpRequired e) {
            // Authorised but not confirmed: after the PIN, back to the list rather than to the start
            // page, which is where a POST would otherwise return (PROT-10).
            return "redirect:/step-up?continue=/deviations/unattached";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return unattachedPage(model, e.getMessage());
        }
    }

    private String unattachedPage(Model model, String error) {
        model.addAttribute("deviations", deviations.unattached());
        model.addAttribute("cases", deviations.authorisedCaseNumbers());
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("error", error);
        return "casework/deviations-unattached";
    }
}
