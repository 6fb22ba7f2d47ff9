package se.omsorgsnav.placement;

import java.util.Locale;

/** The word of a home's name that a wish must contain to count for it (PLC-4): "Solgårdens vård- och omsorgsboende" → "solgården". */
final class MatchingWords {

    private MatchingWords() {
    }

    static String of(String home) {
        String word = home.toLowerCase(Locale.ROOT).split("[\\s,]+")[0];
        return word.endsWith("s") && word.length() > 3 ? word.substring(0, word.length() - 1) : word;
    }
}
