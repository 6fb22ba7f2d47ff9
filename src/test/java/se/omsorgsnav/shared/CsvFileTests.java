package se.omsorgsnav.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CsvFileTests {

    @Test
    @DisplayName("CSV: an exported cell that a spreadsheet would run as a formula is neutralised; separators and quotes are quoted")
    void formulaInjection() {
        assertThat(CsvFile.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvFile.cell("+46")).isEqualTo("'+46");
        assertThat(CsvFile.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvFile.cell("a;b")).isEqualTo("\"a;b\"");
        assertThat(CsvFile.cell("rad\nbrytning")).isEqualTo("\"rad\nbrytning\"");
        assertThat(CsvFile.cell(null)).isEmpty();
        assertThat(CsvFile.cell("vanlig text")).isEqualTo("vanlig text");
    }

    @Test
    @DisplayName("UX: the file opens in a Swedish spreadsheet as it is: UTF-8 with a byte-order mark, semicolons, CRLF")
    void spreadsheetShape() {
        byte[] bytes = new CsvFile().line(List.of("Tid", "Användare")).line(List.of("2026-11-18", "åsa")).bytes();
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("\uFEFFTid;Användare\r\n2026-11-18;åsa\r\n");
    }
}
