package se.omsorgsnav.casework.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.omsorgsnav.casework.Deviations;
import se.omsorgsnav.shared.InvalidInputException;

/** Reporting a deviation in the browser (PROT-16). */
@Controller
class DeviationController {

    private final Deviations deviations;

    DeviationController(Deviations deviations) {
        this.deviations = deviations;
    }

    @GetMapping("/deviations/new")
    String form() {
        return "casework/deviation";
    }

    @PostMapping("/deviations")
    String report(@RequestParam(name = "caseNumber", required = false) String caseNumber,
                  @RequestParam(name = "description", required = false) String description, Model model, HttpServletResponse response) {
        try {
            deviations.report(caseNumber, description);
            return "redirect:/deviations/new?rapporterad";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("caseNumber", caseNumber);
            model.addAttribute("description", description);
            return "casework/deviation";
        }
    }
}
