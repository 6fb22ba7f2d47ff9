package se.omsorgsnav.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fuzzes the audit review's CSV export (AUD-3) with what users and clients wrote into it: the
 * reviewer's name and conclusion, user names, roles, person labels, purposes, actions and
 * outcomes. The normal test run replays the corpus in
 * {@code src/test/resources/se/omsorgsnav/audit/ReviewCsvFuzzTestsInputs/}; see
 * docs/security-scan.md for fuzzing for real.
 *
 * <p>The input is split on U+001F (unit separator) into the texts; each goes into its field.
 */
class ReviewCsvFuzzTests {

    private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 11, 18, 9, 30, 0, 0, ZoneOffset.UTC);
    private static final String FORMULA_START = "=+-@\t\r";

    /**
     * Whatever the texts, the file is well-formed CSV for a Swedish spreadsheet (BOM, semicolons,
     * CRLF, quoting as RFC 4180), it reads back to exactly the texts written, and no cell begins
     * with a character that makes a spreadsheet run it as a formula: such a text reads back with
     * the apostrophe that makes it text.
     */
    @FuzzTest(maxDuration = "2m")
    void anyTextsGiveWellFormedCsvThatReadsBackWithoutFormulas(byte[] data) {
        String[] texts = new String(data, StandardCharsets.UTF_8).split("\u001F", -1);
        String reviewer = text(texts, 0);
        String conclusion = text(texts, 1);
        List<AuditReviews.Item> items = new ArrayList<>();
        for (int i = 2; i + 5 < texts.length || (i == 2 && items.isEmpty()); i += 6) {
            items.add(new AuditReviews.Item(UUID.randomUUID(), AT, text(texts, i), text(texts, i + 1), null, null, text(texts, i + 2), null,
                    text(texts, i + 3), text(texts, i + 4), text(texts, i + 5), List.of(ReviewFlag.SAMPLE, ReviewFlag.DENIED), i % 4 == 0));
        }
        AuditReviews.Scope scope = new AuditReviews.Scope(null, null, null, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
        UUID id = UUID.randomUUID();
        AuditReviews.Summary summary = new AuditReviews.Summary(id, reviewer, UUID.randomUUID(), scope, 10, 5, items.size(), false,
                ReviewOutcome.REMARKS, conclusion, AT, AT);
        byte[] csv = ReviewCsv.of(new AuditReviews.Review(summary, items, Map.of(), 1, false), ZONE);

        List<List<String>> rows = read(new String(csv, StandardCharsets.UTF_8));
        List<List<String>> expected = new ArrayList<>(List.of(
                List.of("Loggranskning", id.toString()),
                List.of("Granskare", reviewer),
                List.of("Period", "2026-11-01 – 2026-11-30"),
                List.of("Händelser i urvalet", "10"),
                List.of("Status", "Avslutad"),
                List.of("Bedömning", ReviewOutcome.REMARKS.label()),
                List.of("Slutsats", conclusion),
                List.of(""),
                List.of("Tidpunkt", "Användare", "Roll", "Person", "Händelse", "Syfte", "Utfall", "Skäl")));
        for (AuditReviews.Item item : items) {
            expected.add(List.of(item.masked() ? "2026-11-18" : "2026-11-18 10:30:00", item.username(), item.role(), item.person(),
                    AuditAction.labelOf(item.action()), item.purpose(), AuditOutcome.labelOf(item.outcome()), "Stickprov, Nekad åtkomst"));
        }
        assertThat(rows).hasSameSizeAs(expected);
        for (int r = 0; r < rows.size(); r++) {
            List<String> want = expected.get(r).stream().map(ReviewCsvFuzzTests::asText).toList();
            assertThat(rows.get(r)).as("row %d", r).isEqualTo(want);
            for (String cell : rows.get(r)) {
                assertThat(cell.isEmpty() || FORMULA_START.indexOf(cell.charAt(0)) < 0).as("row %d cell %s", r, cell).isTrue();
            }
        }
    }

    private static String text(String[] texts, int i) {
        return i < texts.length ? texts[i] : "";
    }

    /** What a cell must read back as: the text, with an apostrophe first if a spreadsheet would take it for a formula. */
    private static String asText(String value) {
        return !value.isEmpty() && FORMULA_START.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /**
     * A strict reader: BOM first, records end in CRLF, fields split on semicolons; a quoted field
     * starts with a quote, doubles its quotes and ends at a quote followed by a separator or CRLF;
     * an unquoted field holds no quote, semicolon, CR or LF. Anything else fails the test.
     */
    private static List<List<String>> read(String csv) {
        assertThat(csv).startsWith("\uFEFF").endsWith("\r\n");
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 1;
        while (i < csv.length()) {
            if (csv.charAt(i) == '"') {
                i++;
                while (true) {
                    assertThat(i).as("unterminated quoted field").isLessThan(csv.length());
                    char c = csv.charAt(i);
                    if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                    } else if (c == '"') {
                        i++;
                        break;
                    } else {
                        cell.append(c);
                        i++;
                    }
                }
                assertThat(csv.startsWith(";", i) || csv.startsWith("\r\n", i)).as("a quoted field ends at a separator").isTrue();
            } else {
                while (i < csv.length() && csv.charAt(i) != ';' && csv.charAt(i) != '\r') {
                    assertThat(csv.charAt(i)).as("bare quote or line feed in an unquoted field").isNotIn('"', '\n');
                    cell.append(csv.charAt(i));
                    i++;
                }
                assertThat(i).isLessThan(csv.length());
            }
            row.add(cell.toString());
            cell.setLength(0);
            if (csv.charAt(i) == ';') {
                i++;
            } else {
                assertThat(csv.startsWith("\r\n", i)).as("CR only as part of CRLF").isTrue();
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
            }
        }
        return rows;
    }
}
