package se.omsorgsnav.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Personnummer for test data, every one from Skatteverket's published list of test personnummer
 * (the part we use is {@value #RESOURCE}; its source is in {@code skatteverket-testpersonnummer.md}
 * beside it). A number made up with a correct check digit may belong to a real person; these never
 * do. Nothing here computes a number.
 *
 * <p>{@link #born(int)} and {@link #elderly()} hand each number out once per JVM: the test classes
 * share one database (one surefire fork, one context), so two classes never make the same person.
 * The numbers the demo data and {@link MatrixFixture} name are never handed out.
 */
public final class TestPins {

    public static final String RESOURCE = "skatteverket-testpersonnummer.csv";

    /** The demo persons' numbers (DemoData), which the demo database already holds. */
    public static final Set<String> DEMO = Set.of(
            "193805089145", // Greta Andersson
            "196503143254", // Bo Andersson
            "194203109147", // Astrid Karlsson
            "196809139295", // Olle Karlsson
            "194001279050", // Sven Karlsson
            "193511308292", // Harald Nilsson
            "196005272809", // Ingrid Nilsson
            "194707262202", // Birgitta Lund
            "194102069046", // Elsa Svensson
            "192906188798"); // Karl Berglund

    /** The years {@link #elderly()} draws from: the persons of elderly care. */
    static final int ELDERLY_FROM = 1920;
    static final int ELDERLY_TO = 1949;
    /** The years {@link #anyAge()} draws from: the list has about 300 numbers a year there. */
    static final int ANY_AGE_FROM = 1970;
    static final int ANY_AGE_TO = 1979;

    private static final List<String> LIST = load();
    private static final Set<String> ON_LIST = Set.copyOf(LIST);
    private static final Set<String> HANDED_OUT = new HashSet<>();
    private static int nextElderlyYear = ELDERLY_FROM;
    private static int nextAnyAgeYear = ANY_AGE_FROM;

    private TestPins() {}

    /** Whether a number (12 digits, with or without "-") is on the shipped list. */
    public static boolean onList(String number) {
        return ON_LIST.contains(number.replace("-", ""));
    }

    /**
     * A number from the list of someone born in that year, 12 digits, never handed out before in
     * this JVM. Fails if the shipped list has no more for that year.
     */
    public static synchronized String born(int year) {
        String prefix = Integer.toString(year);
        for (String number : LIST) {
            if (number.startsWith(prefix) && !DEMO.contains(number) && !MatrixFixture.SUBJECT_PINS.contains(number)
                    && HANDED_OUT.add(number)) {
                return number;
            }
        }
        throw new IllegalStateException("The shipped list of test personnummer has no unused number born " + year
                + ": take another year or ship more of Skatteverket's list (" + RESOURCE + ")");
    }

    /**
     * A number of someone born 1920–1949, never handed out before: for a person whose age only has
     * to be that of elderly care. The years take turns, so that {@link #born(int)} keeps numbers
     * for each of them.
     */
    public static synchronized String elderly() {
        String number = inTurn(ELDERLY_FROM, ELDERLY_TO, nextElderlyYear);
        nextElderlyYear = next(ELDERLY_FROM, ELDERLY_TO, Integer.parseInt(number.substring(0, 4)));
        return number;
    }

    /**
     * A number of someone born 1970–1979, never handed out before: for the many persons whose age
     * does not matter (the list-cost tests make about a thousand), so that they leave the elderly
     * to the tests that need them.
     */
    public static synchronized String anyAge() {
        String number = inTurn(ANY_AGE_FROM, ANY_AGE_TO, nextAnyAgeYear);
        nextAnyAgeYear = next(ANY_AGE_FROM, ANY_AGE_TO, Integer.parseInt(number.substring(0, 4)));
        return number;
    }

    private static String inTurn(int from, int to, int start) {
        int year = start;
        for (int tries = 0; tries <= to - from; tries++) {
            try {
                return born(year);
            } catch (IllegalStateException exhausted) {
                year = next(from, to, year); // that year is used up; the next one takes its turn
            }
        }
        throw new IllegalStateException("The shipped list has no unused number born " + from + "–" + to);
    }

    private static int next(int from, int to, int year) {
        return year == to ? from : year + 1;
    }

    /** "YYYYMMDD-NNNN" of a 12-digit number: the form the forms and the API show. */
    public static String formatted(String number) {
        return number.substring(0, 8) + "-" + number.substring(8);
    }

    private static List<String> load() {
        InputStream in = TestPins.class.getClassLoader().getResourceAsStream(RESOURCE);
        Objects.requireNonNull(in, RESOURCE + " is not on the test class path");
        Set<String> numbers = new LinkedHashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !header.strip().equalsIgnoreCase("testpersonnummer")) {
                throw new IllegalStateException(RESOURCE + " does not start with Skatteverket's column name Testpersonnummer");
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String number = line.strip();
                if (!number.matches("\\d{12}")) {
                    throw new IllegalStateException(RESOURCE + ": not a 12-digit number: " + number);
                }
                numbers.add(number);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(numbers);
    }
}
