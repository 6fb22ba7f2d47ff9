package se.omsorgsnav.placement.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * waiting — and the allocation.
 */
@Controller
class MatchingController {

    static final int CANDIDATES = 3;

    private final Allocations allocations;
    private final Decisions decisions;

    MatchingController(Allocations allocations, Decisions decisions) {
        this.allocations = allocations;
        this.decisions = decisions;
    }

    record Match(VacantApartment apartment, List<QueueEntry> candidates) {}

    @GetMapping("/placement/matching")
    String matching(Model model) {
        return page(model, null);
    }

    @PostMapping("/placement/allocations")
    String allocate(@RequestParam(required = false) String decisionId, @RequestParam(required = false) String apartmentId,
                    @RequestParam(required = false) String offerMaker, Model model, HttpServletResponse response) {
        try {
            allocations.allocate(new Allocations.NewAllocation(uuid(decisionId), uuid(apartmentId), offerMaker));
            return "redirect:/placement/matching?tilldelad";
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return page(model, e.getMessage());
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, e.getMessage());
        }
    }

    private String page(Model model, String error) {
        List<VacantApartment> vacant = allocations.vacant();
        List<QueueEntry> queue = decisions.queue();
        Map<UUID, Match> matches = new LinkedHashMap<>();
        for (VacantApartment a : vacant) {
            String home = a.home().toLowerCase(Locale.ROOT);
            List<QueueEntry> candidates = queue.stream().filter(q -> q.careProfile() == a.careProfile())
                    .sorted(Comparator.comparing((QueueEntry q) -> q.wishes() == null || !q.wishes().toLowerCase(Locale.ROOT).contains(firstWord(home)))
                            .thenComparing(Comparator.comparingLong(QueueEntry::waitingDays).reversed()))
                    .limit(CANDIDATES).toList();
            matches.put(a.id(), new Match(a, candidates));
        }
        model.addAttribute("matches", matches.values());
        model.addAttribute("queue", queue);
        model.addAttribute("error", error);
        return "placement/matching";
    }

    private static String firstWord(String home) {
        String word = home.split("[\\s,]+")[0];
        return word.endsWith("s") && word.length() > 3 ? word.substring(0, word.length() - 1) : word;
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
