package se.omsorgsnav.audit;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A review as CSV for a spreadsheet: semicolons and a byte-order mark, because that is what Excel
 * with Swedish settings opens without a wizard. A cell that a spreadsheet would read as a formula
 * is prefixed with an apostrophe (CSV injection).
 */
final class ReviewCsv {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ReviewCsv() {
    }

    static byte[] of(AuditReviews.Review review, ZoneId zone) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        AuditReviews.Summary s = review.summary();
        line(csv, List.of("Loggranskning", s.id().toString()));
        line(csv, List.of("Granskare", s.reviewer()));
        line(csv, List.of("Period", s.scope().from() + " – " + s.scope().to()));
        line(csv, List.of("Händelser i urvalet", String.valueOf(s.eventsInScope())));
        line(csv, List.of("Status", s.open() ? "Pågående" : "Avslutad"));
        if (!s.open()) {
            line(csv, List.of("Bedömning", s.outcome().label()));
            line(csv, List.of("Slutsats", s.conclusion()));
        }
        csv.append("\r\n");
        line(csv, List.of("Tidpunkt", "Användare", "Roll", "Person", "Händelse", "Syfte", "Utfall", "Skäl"));
        for (AuditReviews.Item item : review.items()) {
            line(csv, List.of(TIME.format(item.occurredAt().atZoneSameInstant(zone)), item.username(), item.role(), item.person(),
                    AuditAction.labelOf(item.action()), item.purpose(), AuditOutcome.labelOf(item.outcome()),
                    item.reasons().stream().map(ReviewFlag::label).collect(Collectors.joining(", "))));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, List<String> cells) {
        csv.append(cells.stream().map(ReviewCsv::cell).collect(Collectors.joining(";"))).append("\r\n");
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
