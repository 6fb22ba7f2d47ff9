package se.omsorgsnav.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A review as the CSV file a reviewer hands over, written from a given review (no database). */
class ReviewFileTests {

    private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final LocalDate FROM = LocalDate.of(2026, 10, 26);
    private static final LocalDate TO = LocalDate.of(2026, 10, 30);
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-10-27T14:05:09Z");

    private static AuditReviews.Summary summary(boolean open) {
        return new AuditReviews.Summary(ID, "enhetschef", UUID.randomUUID(), new AuditReviews.Scope(null, "handlaggare", null, FROM, TO), 42, 5,
                2, open, open ? null : ReviewOutcome.SUSPECTED_BREACH, open ? null : "Anmäld som incident.", AT, open ? null : AT);
    }

    private static List<String> lines(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return List.of(text.substring(1).split("\r\n", -1));
    }

    private static final List<AuditReviews.Item> ITEMS = List.of(
            new AuditReviews.Item(UUID.randomUUID(), AT, "handlaggare", "CASE_OFFICER", null, UUID.randomUUID(), "Greta Andersson", null, "VIEW",
                    "PERSON_PAGE", "DENIED", List.of(ReviewFlag.SAMPLE, ReviewFlag.DENIED), false),
            new AuditReviews.Item(UUID.randomUUID(), AT, ProtectedAccesses.SHOWN_AS, "", null, null, "Behörighet saknas", null, "LIST", "",
                    "MASKED", List.of(ReviewFlag.PROTECTED_PERSON), true));

    @Test
    @DisplayName("an open review's file: its summary, a blank line, the header, then each event with the reviewer's words")
    void openReview() {
        List<String> lines = lines(ReviewCsv.of(new AuditReviews.Review(summary(true), ITEMS, Map.of(), 0, false), ZONE));
        assertThat(lines).containsExactly(
                "Loggranskning;" + ID,
                "Granskare;enhetschef",
                "Period;" + FROM + " – " + TO,
                "Händelser i urvalet;42",
                "Status;Pågående",
                "",
                "Tidpunkt;Användare;Roll;Person;Händelse;Syfte;Utfall;Skäl",
                "2026-10-27 15:05:09;handlaggare;CASE_OFFICER;Greta Andersson;Öppnade;PERSON_PAGE;Nekad;Stickprov, Nekad åtkomst",
                "2026-10-27;Skyddad person;;Behörighet saknas;Visade i lista;;Maskerad;Skyddad person",
                "");
    }

    @Test
    @DisplayName("a concluded review's file adds the assessment and the conclusion")
    void concludedReview() {
        List<String> lines = lines(ReviewCsv.of(new AuditReviews.Review(summary(false), List.of(), Map.of(), 0, false), ZONE));
        assertThat(lines).containsSubsequence("Status;Avslutad", "Bedömning;" + ReviewOutcome.SUSPECTED_BREACH.label(),
                "Slutsats;Anmäld som incident.", "", "Tidpunkt;Användare;Roll;Person;Händelse;Syfte;Utfall;Skäl");
        assertThat(lines).hasSize(10);
    }
}
