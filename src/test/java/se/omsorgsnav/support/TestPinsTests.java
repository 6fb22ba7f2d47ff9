package se.omsorgsnav.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.PersonalIdentityNumber;

/**
 * The demo data and the test fixture name only personnummer from Skatteverket's list of test
 * personnummer, so that no real person's number is in the demo database or in a test; and no
 * file of the code, the tests, the docs or the fault harness names a possible real person's
 * number that is not on it (issue 15).
 */
@OmsorgsnavTest
class TestPinsTests {

    /** A 12-digit personnummer, with or without "-": what DemoData and the fixture write. */
    private static final Pattern TWELVE_DIGITS = Pattern.compile("(?<![0-9])((?:18|19|20)[0-9]{6})-?([0-9]{4})(?![0-9])");

    /**
     * A personnummer as people write it: 12 or 10 digits, "-", "+" or nothing (a space either side
     * allowed) before the last four. Groups: century, YYMMDD, separator, last four.
     */
    private static final Pattern WRITTEN = Pattern.compile("(?<![0-9])((?:18|19|20)?)([0-9]{6}) ?([-+]?) ?([0-9]{4})(?![0-9])");

    /** Everywhere a personnummer could be written down: the code and its templates, the tests and their data, the docs, the fault harness. */
    private static final List<Path> SCANNED = List.of(Path.of("src/main"), Path.of("src/test/java"), Path.of("src/test/resources"),
            Path.of("docs"), Path.of("README.md"), Path.of("faults"));

    /**
     * The day the scan counts as today, fixed (the tests' TODAY): a number dated after it is no
     * one's yet, so it may stand for an input rejected as "in the future".
     */
    private static final LocalDate SCANNED_ON = LocalDate.of(2026, 12, 4);

    /**
     * Personnummer were first given on 1 January 1947, to the persons then living; no one born
     * before 1830 was (117 years old then; the oldest person on record in Sweden reached 112). So
     * a number dated earlier, such as 270108+9167 read as 1827, is no one's.
     */
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1830, 1, 1);

    /**
     * The only possible real person's numbers allowed off the list, as "file: number as written",
     * each with the reason its test needs it.
     */
    private static final Map<String, String> UNLISTED_ON_PURPOSE = Map.of(
            "PersonalIdentityNumberTests.java: 261204-9029",
            "the century rule's 'born today' case: with '-' in 2026 this is 2026-12-04, the test's TODAY; the list has no one born "
                    + "after 2024, and its 1926 reading (192612049029) is on the list, so no listed number can be born today "
                    + "(none is listed in both centuries)",
            "PersonalIdentityNumberTests.java: 2612049029", "the same 'born today' case without separator");

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("no code, template, test, test data, document or fault-harness file names a possible real person's personnummer "
            + "that is not on Skatteverket's list")
    void nothingNamesAnUnlistedPossibleRealNumber() throws IOException {
        List<String> unlisted = new ArrayList<>();
        Set<String> allowedFound = new TreeSet<>();
        int written = 0;
        for (Path root : SCANNED) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).filter(p -> !p.endsWith(TestPins.RESOURCE) && !p.endsWith("TestPinsTests.java"))
                        .sorted().toList();
            }
            for (Path file : files) {
                // Bytes as Latin-1: any file reads, and only ASCII digits can make a match.
                Matcher m = WRITTEN.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                while (m.find()) {
                    written++;
                    String entry = file.getFileName() + ": " + m.group();
                    List<String> readings = possiblyRealAndUnlisted(m.group(1), m.group(2), m.group(3), m.group(4));
                    if (readings.isEmpty()) {
                        continue;
                    }
                    if (UNLISTED_ON_PURPOSE.containsKey(entry)) {
                        allowedFound.add(entry);
                    } else {
                        unlisted.add(file + ": " + m.group() + " (read as " + String.join(", ", readings) + ")");
                    }
                }
            }
        }

        assertThat(written).as("personnummer-like numbers found").isGreaterThan(200);
        assertThat(unlisted).as("possible real persons' numbers not on " + TestPins.RESOURCE + ": take one from TestPins").isEmpty();
        assertThat(allowedFound).as("every exception is still needed").isEqualTo(new TreeSet<>(UNLISTED_ON_PURPOSE.keySet()));
    }

    @Test
    @DisplayName("the scan reads a 10-digit number in both centuries and passes only impossible dates, future dates, birth number 000, "
            + "wrong check digits and samordningsnummer")
    void scanReadsTenDigitNumbersInBothCenturies() {
        assertThat(scan("000405-2387")).containsExactly("190004052387"); // 2000-04-05 is listed, 1900-04-05 is not
        assertThat(scan("261204-9029")).containsExactly("202612049029"); // 1926 listed; 2026-12-04 not yet in the future
        assertThat(scan("420310+9147")).containsExactly("184203109147"); // 1842: alive in 1947 at 104
        assertThat(scan("19570413-3107")).as("one digit from a listed number").isEmpty();
        assertThat(scan("261204+9029")).as("1826 is before anyone with a personnummer").isEmpty();
        assertThat(scan("261223-9232")).as("2026-12-23 is in the future; 1926-12-23 is listed").isEmpty();
        assertThat(scan("000229+9980")).as("no 29 February in 1800 or 1900").isEmpty();
        assertThat(scan("20150916-0006")).as("birth number 000").isEmpty();
        assertThat(scan("420370-9144")).as("a samordningsnummer").isEmpty();
        assertThat(scan("19570428 9999")).containsExactly("195704289999");
    }

    private static List<String> scan(String text) {
        Matcher m = WRITTEN.matcher(text);
        assertThat(m.matches()).as(text).isTrue();
        return possiblyRealAndUnlisted(m.group(1), m.group(2), m.group(3), m.group(4));
    }

    /**
     * The readings of a written number that could be a real person's and are not on the list. A
     * 10-digit number is read in both centuries its separator allows ("-" or none: 19 and 20; "+":
     * 18 and 19), whatever the year: it was or will be someone's in either.
     */
    private static List<String> possiblyRealAndUnlisted(String century, String date, String separator, String lastFour) {
        List<String> centuries = !century.isEmpty() ? List.of(century) : separator.equals("+") ? List.of("18", "19") : List.of("19", "20");
        List<String> readings = new ArrayList<>();
        for (String c : centuries) {
            String number = c + date + lastFour;
            PersonalIdentityNumber pin;
            try {
                pin = PersonalIdentityNumber.parse(number, SCANNED_ON);
            } catch (InvalidInputException noOnes) {
                continue; // no such date, birth number 000, wrong check digit or in the future
            }
            if (!pin.coordinationNumber() && !pin.birthDate().isBefore(EARLIEST_BIRTH) && !TestPins.onList(number)) {
                readings.add(number);
            }
        }
        return readings;
    }

    @Test
    @DisplayName("every personnummer the demo data, the test fixture and the README's demo section name is on Skatteverket's list")
    void demoDataAndFixtureNameOnlyListedNumbers() throws IOException {
        List<Path> sources = new ArrayList<>(List.of(Path.of("src/main/java/se/omsorgsnav/demo/DemoData.java"), Path.of("README.md")));
        try (Stream<Path> support = Files.list(Path.of("src/test/java/se/omsorgsnav/support"))) {
            support.filter(p -> p.toString().endsWith(".java") && !p.endsWith("TestPinsTests.java")).forEach(sources::add);
        }
        List<String> named = new ArrayList<>();
        for (Path source : sources) {
            named.addAll(numbersIn(source).stream().map(n -> source.getFileName() + ": " + n).toList());
        }

        assertThat(named).as("numbers found").hasSizeGreaterThan(15);
        assertThat(named).allSatisfy(entry -> assertThat(TestPins.onList(entry.substring(entry.indexOf(": ") + 2)))
                .as(entry + " is on " + TestPins.RESOURCE).isTrue());
    }

    @Test
    @DisplayName("the numbers TestPins keeps back are exactly the demo persons', so it never hands one of them out")
    void reservedNumbersAreTheDemoPersons() throws IOException {
        assertThat(Set.copyOf(numbersIn(Path.of("src/main/java/se/omsorgsnav/demo/DemoData.java")))).isEqualTo(TestPins.DEMO);
        assertThat(Stream.of(DemoUsers.PROTECTED_PIN, DemoUsers.LINKED_PIN, DemoUsers.ORDINARY_PIN).map(p -> p.replace("-", "")))
                .allSatisfy(pin -> assertThat(TestPins.DEMO).contains(pin));
    }

    @Test
    @DisplayName("TestPins hands out listed numbers of the year asked for, each once, never a demo person's or a matrix subject's")
    void handsOutEachListedNumberOnce() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            String born1968 = TestPins.born(1968);
            String elderly = TestPins.elderly();
            String anyAge = TestPins.anyAge();
            assertThat(born1968).startsWith("1968");
            assertThat(Integer.parseInt(elderly.substring(0, 4))).isBetween(TestPins.ELDERLY_FROM, TestPins.ELDERLY_TO);
            assertThat(Integer.parseInt(anyAge.substring(0, 4))).isBetween(TestPins.ANY_AGE_FROM, TestPins.ANY_AGE_TO);
            for (String pin : List.of(born1968, elderly, anyAge)) {
                assertThat(seen.add(pin)).as(pin + " handed out twice").isTrue();
            }
        }
        assertThat(seen).allSatisfy(pin -> assertThat(TestPins.onList(pin)).isTrue())
                .doesNotContainAnyElementsOf(TestPins.DEMO).doesNotContainAnyElementsOf(MatrixFixture.SUBJECT_PINS);
    }

    @Test
    @DisplayName("every person in the shared test database (demo data and what the tests made so far) has a listed number")
    void everyStoredPersonHasAListedNumber() {
        List<String> stored = jdbc.sql("select personal_identity_number from person").query(String.class).list();

        assertThat(stored).hasSizeGreaterThanOrEqualTo(TestPins.DEMO.size());
        assertThat(stored).allSatisfy(pin -> assertThat(TestPins.onList(pin)).as(pin + " is on " + TestPins.RESOURCE).isTrue());
    }

    private static List<String> numbersIn(Path source) throws IOException {
        Matcher m = TWELVE_DIGITS.matcher(Files.readString(source));
        List<String> numbers = new ArrayList<>();
        while (m.find()) {
            numbers.add(m.group(1) + m.group(2));
        }
        return numbers;
    }
}
