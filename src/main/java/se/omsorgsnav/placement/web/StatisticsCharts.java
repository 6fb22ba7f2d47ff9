package se.omsorgsnav.placement.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import se.omsorgsnav.placement.PlacementStatisticsView;
import se.omsorgsnav.placement.PlacementStatisticsView.WaitingTime;

/** The statistics page's four charts, each with the table of the very numbers it draws (UX-3). */
final class StatisticsCharts {

    private StatisticsCharts() {}

    static List<Chart> of(PlacementStatisticsView v) {
        List<String> months = v.queue().stream().map(q -> q.month().toString()).toList();
        List<String> labels = months;
        List<Chart> charts = new ArrayList<>();

        List<Long> queue = v.queue().stream().map(q -> (long) q.persons()).toList();
        List<List<String>> queueRows = new ArrayList<>();
        for (PlacementStatisticsView.QueueLength q : v.queue()) {
            queueRows.add(List.of(q.month().toString(), q.measuredOn().toString(), Integer.toString(q.persons())));
        }
        charts.add(Chart.of("kolangd", "Personer i bostadskön vid månadens slut",
                "Antal personer med beslut om vård- och omsorgsboende som inte har flyttat in, vid varje månads slut; innevarande månad i dag.",
                "personer", months, labels, List.of(new Chart.Series("Personer i kön", queue)),
                new Chart.Table("Personer i bostadskön", List.of("Månad", "Mätdag", "Personer i kön"), queueRows)));

        charts.add(waiting(v, "erbjudande", "Väntetid från beslut till första erbjudande",
                "Dagar från beslutet till personens första erbjudande, för erbjudanden lämnade under månaden: median och 90:e percentil.",
                "Erbjudanden", WaitingTime::firstOffers, WaitingTime::offerMedianDays, WaitingTime::offerP90Days, months, labels));
        charts.add(waiting(v, "inflyttning", "Väntetid från beslut till inflyttning",
                "Dagar från beslutet till inflyttningen, för inflyttningar under månaden: median och 90:e percentil.",
                "Inflyttningar", WaitingTime::moveIns, WaitingTime::moveInMedianDays, WaitingTime::moveInP90Days, months, labels));

        List<Long> vacant = v.vacantDays().stream().map(PlacementStatisticsView.VacantDays::days).toList();
        List<List<String>> vacantRows = new ArrayList<>();
        for (PlacementStatisticsView.VacantDays d : v.vacantDays()) {
            vacantRows.add(List.of(d.month().toString(), Long.toString(d.days())));
        }
        String where = v.homeName() == null ? "alla boenden" : v.homeName();
        charts.add(Chart.of("tomma-dagar", "Tomma lägenhetsdagar per månad, " + where,
                "Dagar då en lägenhet var klar för inflyttning men stod tom, summerade per månad för " + where + ".",
                "lägenhetsdagar", months, labels, List.of(new Chart.Series("Tomma lägenhetsdagar", vacant)),
                new Chart.Table("Tomma lägenhetsdagar, " + where, List.of("Månad", "Tomma lägenhetsdagar"), vacantRows)));
        return charts;
    }

    private static Chart waiting(PlacementStatisticsView v, String id, String title, String description, String counted,
                                 Function<WaitingTime, Integer> count, Function<WaitingTime, Double> median, Function<WaitingTime, Double> p90,
                                 List<String> months, List<String> labels) {
        List<Long> medians = new ArrayList<>();
        List<Long> p90s = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (WaitingTime w : v.waitingTimes()) {
            Long m = days(median.apply(w));
            Long p = days(p90.apply(w));
            medians.add(m);
            p90s.add(p);
            rows.add(List.of(w.month().toString(), Integer.toString(count.apply(w)), m == null ? "–" : m.toString(), p == null ? "–" : p.toString()));
        }
        return Chart.of(id, title, description, "dagar", months, labels,
                List.of(new Chart.Series("Median", medians), new Chart.Series("90:e percentil", p90s)),
                new Chart.Table(title, List.of("Månad", counted, "Median, dagar", "90:e percentil, dagar"), rows));
    }

    /** Whole days, as the chart and its table show them (the API gives the exact value). */
    private static Long days(Double value) {
        return value == null ? null : Math.round(value);
    }

}
