package se.omsorgsnav.shared;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A CSV file for a spreadsheet: semicolons and a byte-order mark, because that is what Excel with
 * Swedish settings opens without a wizard. A cell that a spreadsheet would read as a formula is
 * prefixed with an apostrophe (CSV injection), since names and free text come from users.
 */
public final class CsvFile {

    private final StringBuilder csv = new StringBuilder("\uFEFF");

    public CsvFile line(List<String> cells) {
        csv.append(cells.stream().map(CsvFile::cell).collect(Collectors.joining(";"))).append("\r\n");
        return this;
    }

    public CsvFile blankLine() {
        csv.append("\r\n");
        return this;
    }

    public byte[] bytes() {
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A CSV file as a download: never cached; the file name must carry no personal data. */
    public static org.springframework.http.ResponseEntity<byte[]> download(String filename, byte[] content) {
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(new org.springframework.http.MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(content);
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
