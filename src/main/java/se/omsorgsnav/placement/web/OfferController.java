package se.omsorgsnav.placement.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.omsorgsnav.placement.Decisions;
import se.omsorgsnav.placement.Executions;
import se.omsorgsnav.placement.Offers;
import se.omsorgsnav.shared.ConflictException;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.WorkingDayCalendar;

/**
 * The steps after allocation in the browser (PLC-5..PLC-8): the home's staff record the offer, the
 * answer and the execution; and the case officer's form for signing a decision (PLC-1).
 */
@Controller
class OfferController {

    private final Offers offers;
    private final Executions executions;
    private final Decisions decisions;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    OfferController(Offers offers, Executions executions, Decisions decisions, WorkingDayCalendar calendar, Clock clock) {
        this.offers = offers;
        this.executions = executions;
        this.decisions = decisions;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/placement/offers")
    String offers(Model model) {
        return page(model, null);
    }

    @PostMapping("/placement/allocations/{id}/offer")
    String offered(@PathVariable UUID id, @RequestParam(required = false) String offeredOn, Model model, HttpServletResponse response) {
        return step(() -> offers.offered(id, offeredOn), model, response);
    }

    @PostMapping("/placement/allocations/{id}/answer")
    String answered(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        return step(() -> offers.answered(id, new Offers.Answer(form.get("answer"), form.get("answeredOn"), form.get("moveInOn"),
                form.get("moveInReason"))), model, response);
    }

    @PostMapping("/placement/allocations/{id}/home-visit")
    String homeVisit(@PathVariable UUID id, @RequestParam(required = false) String homeVisitOfferedOn, Model model, HttpServletResponse response) {
        return step(() -> offers.homeVisitOffered(id, homeVisitOfferedOn), model, response);
    }

    /** PLC-8: the notice to the property owner, to print or copy; opened through the gate. */
    @GetMapping("/placement/allocations/{id}/landlord-notice")
    String landlordNotice(@PathVariable UUID id, Model model) {
        model.addAttribute("notice", executions.landlordNotice(id));
        return "placement/landlord-notice";
    }

    @PostMapping("/placement/allocations/{id}/execution")
    String executed(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        return step(() -> executions.execute(id, new Executions.Execution(form.get("executedOn"), form.get("landlordNotifiedOn"))), model, response);
    }

    @GetMapping("/placement/decisions/new")
    String decisionForm(@RequestParam(name = "case", required = false) String caseNumber, Model model) {
        model.addAttribute("form", caseNumber == null ? Map.of("decidedOn", LocalDate.now(clock).toString())
                : Map.of("caseNumber", caseNumber, "decidedOn", LocalDate.now(clock).toString()));
        return "placement/decision";
    }

    @PostMapping("/placement/decisions")
    String sign(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        try {
            decisions.sign(new Decisions.NewDecision(form.get("caseNumber"), form.get("careProfile"), form.get("decidedOn"),
                    form.get("currentResidence"), "true".equals(form.get("coResident")), form.get("wishes"), form.get("specialReasons"),
                    form.get("relativeContact")));
            return "redirect:/?beslut";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("form", form);
            model.addAttribute("error", e.getMessage());
            return "placement/decision";
        }
    }

    private String step(Runnable action, Model model, HttpServletResponse response) {
        try {
            action.run();
            return "redirect:/placement/offers?sparat";
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return page(model, e.getMessage());
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, e.getMessage());
        }
    }

    private String page(Model model, String error) {
        List<Offers.WorkedAllocation> allocations = offers.mine();
        // PLC-8: an accepted place is executed at the latest the next working day after the move-in; the page says which day.
        Map<UUID, LocalDate> executionDue = new HashMap<>();
        allocations.stream().filter(a -> a.moveInOn() != null).forEach(a -> executionDue.put(a.id(), calendar.nextWorkingDay(a.moveInOn())));
        model.addAttribute("allocations", allocations);
        model.addAttribute("executionDue", executionDue);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("error", error);
        return "placement/offers";
    }
}
