package se.omsorgsnav.audit;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import se.omsorgsnav.shared.CsvFile;

/** A review as CSV: its summary and conclusion first, then one line per reviewed event. */
final class ReviewCsv {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private ReviewCsv() {
    }

    static byte[] of(AuditReviews.Review review, ZoneId zone) {
        CsvFile csv = new CsvFile();
        AuditReviews.Summary s = review.summary();
        csv.line(List.of("Loggranskning", s.id().toString()));
        csv.line(List.of("Granskare", s.reviewer()));
        csv.line(List.of("Period", s.scope().from() + " – " + s.scope().to()));
        csv.line(List.of("Händelser i urvalet", String.valueOf(s.eventsInScope())));
        csv.line(List.of("Status", s.open() ? "Pågående" : "Avslutad"));
        if (!s.open()) {
            csv.line(List.of("Bedömning", s.outcome().label()));
            csv.line(List.of("Slutsats", s.conclusion()));
        }
        csv.blankLine();
        csv.line(List.of("Tidpunkt", "Användare", "Roll", "Person", "Händelse", "Syfte", "Utfall", "Skäl"));
        for (AuditReviews.Item item : review.items()) {
            // An access to a protected person this reviewer may not review: no who, role or purpose, the day only (PROT-3).
            csv.line(List.of(item.masked() ? DAY.format(item.occurredAt().atZoneSameInstant(zone)) : TIME.format(item.occurredAt().atZoneSameInstant(zone)),
                    item.username(), item.role(), item.person(), AuditAction.labelOf(item.action()), item.purpose(),
                    AuditOutcome.labelOf(item.outcome()),
                    item.reasons().stream().map(ReviewFlag::label).collect(Collectors.joining(", "))));
        }
        return csv.bytes();
    }
}
