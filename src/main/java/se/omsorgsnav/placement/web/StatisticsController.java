package se.omsorgsnav.placement.web;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.omsorgsnav.placement.PlacementStatistics;
import se.omsorgsnav.placement.PlacementStatisticsView;
import se.omsorgsnav.shared.InvalidInputException;

/** The managers' placement charts (UX-3): a GET form chooses the period and the home, so the page needs no script. */
@Controller
class StatisticsController {

    private final PlacementStatistics statistics;

    StatisticsController(PlacementStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/placement/statistics")
    String statistics(@RequestParam(required = false) String months, @RequestParam(required = false) String home, Model model) {
        PlacementStatisticsView view = statistics.over(months(months), home(home));
        model.addAttribute("stats", view);
        model.addAttribute("charts", StatisticsCharts.of(view));
        model.addAttribute("periods", PlacementStatistics.PERIODS);
        return "placement/statistics";
    }

    private static int months(String value) {
        if (value == null || value.isBlank()) {
            return 12;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("months", "Välj period: 12, 24, 60 eller 120 månader.");
        }
    }

    private static UUID home(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("home", "Välj ett av kommunens vård- och omsorgsboenden.");
        }
    }
}
