package se.omsorgsnav.person;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How names are compared in search: case-insensitive, on prefixes of each word. */
final class NameSearch {

    static final int MAX_TERMS = 4;
    static final int MAX_TERM_LENGTH = 100;

    private NameSearch() {}

    static String normalise(String name) {
        String composed = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFC);
        return composed.strip().toLowerCase(new Locale("sv", "SE"));
    }

    static List<String> terms(String query) {
        return Arrays.stream(normalise(query).split("[\\s,]+"))
                .filter(t -> !t.isBlank())
                .map(t -> t.length() > MAX_TERM_LENGTH ? t.substring(0, MAX_TERM_LENGTH) : t)
                .limit(MAX_TERMS)
                .toList();
    }
}
