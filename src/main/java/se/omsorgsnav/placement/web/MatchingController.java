package se.omsorgsnav.placement.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.omsorgsnav.placement.Allocations;
import se.omsorgsnav.placement.Decisions;
import se.omsorgsnav.placement.QueueEntry;
import se.omsorgsnav.placement.VacantApartment;
import se.omsorgsnav.shared.ConflictException;
import se.omsorgsnav.shared.InvalidInputException;

/**
 * The coordinator's matching page (PLC-4): vacant apartments beside the queue, each with its
 * candidates — the same care profile, those who wished for the home first, then the longest
 * waiting, from the whole queue — and the allocation. The apartments come a page at a time, the
 * soonest ready first (issue 7: a municipality of Stockholm's size has a couple of hundred vacant).
 */
@Controller
class MatchingController {

    static final int CANDIDATES = 3;
    static final int APARTMENTS_PER_PAGE = 20;

    private final Allocations allocations;
    private final Decisions decisions;

    MatchingController(Allocations allocations, Decisions decisions) {
        this.allocations = allocations;
        this.decisions = decisions;
    }

    record Match(VacantApartment apartment, List<QueueEntry> candidates) {}

    @GetMapping("/placement/matching")
    String matching(@RequestParam(name = "efter", required = false) String after, Model model) {
        return page(model, after, null);
    }

    @PostMapping("/placement/allocations")
    String allocate(@RequestParam(required = false) String decisionId, @RequestParam(required = false) String apartmentId,
                    @RequestParam(required = false) String offerMaker, Model model, HttpServletResponse response) {
        try {
            allocations.allocate(new Allocations.NewAllocation(uuid(decisionId), uuid(apartmentId), offerMaker));
            return "redirect:/placement/matching?tilldelad";
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return page(model, null, e.getMessage());
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, null, e.getMessage());
        }
    }

    private String page(Model model, String after, String error) {
        Allocations.VacantPage vacant = allocations.vacant(after, APARTMENTS_PER_PAGE);
        Map<UUID, List<QueueEntry>> candidates = decisions.candidates(vacant.apartments(), CANDIDATES);
        List<Match> matches = vacant.apartments().stream().map(a -> new Match(a, candidates.getOrDefault(a.id(), List.of()))).toList();
        model.addAttribute("matches", matches);
        model.addAttribute("vacantTotal", vacant.total());
        model.addAttribute("next", vacant.next());
        model.addAttribute("firstPage", after == null || after.isBlank());
        model.addAttribute("queued", decisions.queued());
        model.addAttribute("error", error);
        return "placement/matching";
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
