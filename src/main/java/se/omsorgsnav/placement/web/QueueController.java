package se.omsorgsnav.placement.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.placement.Decisions;
import se.omsorgsnav.placement.PlacementAction;
import se.omsorgsnav.placement.Executions;
import se.omsorgsnav.placement.Offers;
import se.omsorgsnav.shared.CsvFile;
import se.omsorgsnav.shared.InvalidInputException;

/** The housing queue in the browser (PLC-2), for the placement team, with the offers past their answer day and the relocation wishes. */
@Controller
class QueueController {

    private final Decisions decisions;
    private final Executions executions;
    private final Offers offers;
    private final AccessControl access;
    private final java.time.Clock clock;

    QueueController(Decisions decisions, Executions executions, Offers offers, AccessControl access, java.time.Clock clock) {
        this.access = access;
        this.decisions = decisions;
        this.executions = executions;
        this.offers = offers;
        this.clock = clock;
    }

    /** PLC-12: the IVO list as a page, with the spreadsheet beside it. */
    @GetMapping("/placement/unexecuted")
    String unexecutedPage(Model model) {
        model.addAttribute("rows", executions.unexecuted());
        return "placement/unexecuted";
    }

    /** PLC-12: the IVO list as a spreadsheet (semicolon CSV, as Swedish Excel opens it). */
    @GetMapping("/placement/unexecuted.csv")
    org.springframework.http.ResponseEntity<byte[]> unexecuted() {
        CsvFile csv = new CsvFile().line(List.of("Ärende", "Person", "Födelseår", "Inriktning", "Beslutsdatum", "Dagar sedan beslut", "Status",
                "Erbjuden", "Senaste svar"));
        for (Executions.Unexecuted u : executions.unexecuted()) {
            csv.line(List.of(u.caseNumber(), u.personName(), String.valueOf(u.birthYear()), u.careProfile().label(), u.decidedOn().toString(),
                    String.valueOf(u.daysSinceDecision()), u.status().name(), u.offeredOn() == null ? "" : u.offeredOn().toString(),
                    u.lastAnswer() == null ? "" : u.lastAnswer()));
        }
        return CsvFile.download("ej-verkstallda-beslut-" + java.time.LocalDate.now(clock) + ".csv", csv.bytes());
    }

    @GetMapping("/placement/queue")
    String queue(Model model) {
        return page(model, null, Map.of());
    }

    /** PLC-10: the placement team records a placed person's wish to move, by case number. */
    @PostMapping("/placement/relocation-wishes")
    String relocationWish(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        try {
            decisions.relocationWishForCase(form.get("caseNumber"), form.get("wish"));
            return "redirect:/placement/queue?omplacering";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, e.getMessage(), form);
        }
    }

    private String page(Model model, String error, Map<String, String> form) {
        model.addAttribute("queue", decisions.queue());
        model.addAttribute("relocations", decisions.relocationWishes());
        // PLC-5: offers past their answer day, for the coordinators to follow up.
        model.addAttribute("overdue", offers.overdue());
        model.addAttribute("error", error);
        model.addAttribute("form", form);
        // The page offers only what the catalogue permits (the server asks again when a form is sent).
        model.addAttribute("permitted", access.permitted(PlacementAction.class, Target.NONE).stream().map(Enum::name)
                .collect(java.util.stream.Collectors.toSet()));
        return "placement/queue";
    }
}
