package se.omsorgsnav.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo data and the test fixture name only personnummer from Skatteverket's list of test
 * personnummer, so that no real person's number is in the demo database or in a test.
 */
@OmsorgsnavTest
class TestPinsTests {

    /** A 12-digit personnummer, with or without "-": what DemoData and the fixture write. */
    private static final Pattern TWELVE_DIGITS = Pattern.compile("(?<![0-9])((?:18|19|20)[0-9]{6})-?([0-9]{4})(?![0-9])");

    @Autowired
    JdbcClient jdbc;

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
