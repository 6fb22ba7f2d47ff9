package se.omsorgsnav.placement.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import se.omsorgsnav.placement.Decisions;

/** The housing queue in the browser (PLC-2), for the placement team. */
@Controller
class QueueController {

    private final Decisions decisions;

    QueueController(Decisions decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/placement/queue")
    String queue(Model model) {
        model.addAttribute("queue", decisions.queue());
        return "placement/queue";
    }
}
