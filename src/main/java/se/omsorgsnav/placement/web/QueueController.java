package se.omsorgsnav.placement.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import java.util.List;
import se.omsorgsnav.placement.Decisions;
import se.omsorgsnav.placement.Executions;
import se.omsorgsnav.shared.CsvFile;

/** The housing queue in the browser (PLC-2), for the placement team. */
@Controller
class QueueController {

    private final Decisions decisions;
    private final Executions executions;
    private final java.time.Clock clock;

    QueueController(Decisions decisions, Executions executions, java.time.Clock clock) {
        this.decisions = decisions;
        this.executions = executions;
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
                    String.valueOf(u.daysSinceDecision()), u.status(), u.offeredOn() == null ? "" : u.offeredOn().toString(),
                    u.lastAnswer() == null ? "" : u.lastAnswer()));
        }
        return CsvFile.download("ej-verkstallda-beslut-" + java.time.LocalDate.now(clock) + ".csv", csv.bytes());
    }

    @GetMapping("/placement/queue")
    String queue(Model model) {
        model.addAttribute("queue", decisions.queue());
        model.addAttribute("relocations", decisions.relocationWishes());
        return "placement/queue";
    }
}
