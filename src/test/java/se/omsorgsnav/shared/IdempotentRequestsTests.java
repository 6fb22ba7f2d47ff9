package se.omsorgsnav.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 15: what makes two requests with the same idempotency key "the same request". */
class IdempotentRequestsTests {

    record Intake(PersonalIdentityNumber person, String concerns, LocalDate receivedOn, List<String> names) {}

    record Fields(Set<String> groups, Map<String, String> values) {}

    private static final PersonalIdentityNumber ONE = PersonalIdentityNumber.fromCanonical("194202138014");
    private static final PersonalIdentityNumber OTHER = PersonalIdentityNumber.fromCanonical("194202269207");

    @Test
    @DisplayName("Issue 15: equal requests hash alike; a different value, operation or order of a list does not")
    void equalRequestsHashAlike() {
        Intake intake = new Intake(ONE, "Hemtjänst", LocalDate.of(2026, 11, 18), List.of("a", "b"));
        String hash = IdempotentRequests.hash("intake", intake);
        assertThat(IdempotentRequests.hash("intake", new Intake(ONE, "Hemtjänst", LocalDate.of(2026, 11, 18), List.of("a", "b"))))
                .isEqualTo(hash).hasSize(64);
        assertThat(IdempotentRequests.hash("case", intake)).isNotEqualTo(hash);
        assertThat(IdempotentRequests.hash("intake", new Intake(ONE, "Hemtjänst", LocalDate.of(2026, 11, 19), List.of("a", "b"))))
                .isNotEqualTo(hash);
        assertThat(IdempotentRequests.hash("intake", new Intake(ONE, "Hemtjänst", LocalDate.of(2026, 11, 18), List.of("b", "a"))))
                .isNotEqualTo(hash);
        assertThat(IdempotentRequests.hash("intake", new Intake(ONE, null, LocalDate.of(2026, 11, 18), List.of("a", "b"))))
                .isNotEqualTo(hash);
    }

    @Test
    @DisplayName("Issue 15, AUD-5: two personnummer that print alike (the birth date only) are still different requests")
    void personnummerCompareInFull() {
        assertThat(ONE.toString()).isEqualTo(OTHER.toString());
        assertThat(IdempotentRequests.hash("intake", new Intake(ONE, "x", null, List.of())))
                .isNotEqualTo(IdempotentRequests.hash("intake", new Intake(OTHER, "x", null, List.of())));
    }

    @Test
    @DisplayName("Issue 15: a set or a map is the same request whatever order it was built in")
    void setsAndMapsInAnyOrder() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");
        assertThat(IdempotentRequests.hash("m", new Fields(new LinkedHashSet<>(List.of("x", "y")), ab)))
                .isEqualTo(IdempotentRequests.hash("m", new Fields(new LinkedHashSet<>(List.of("y", "x")), ba)));
        assertThat(IdempotentRequests.hash("m", new Fields(Set.of("x"), Map.of("a", "1"))))
                .isNotEqualTo(IdempotentRequests.hash("m", new Fields(Set.of("x"), Map.of("a", "2"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "kort", "med mellanslag i", "åäö-åäö-åäö", "x/y/z/w/v/u"})
    @DisplayName("Issue 15: a missing or malformed key is refused with the Swedish message, on the field idempotencyKey")
    void malformedKeysRefused(String key) {
        assertThatThrownBy(() -> IdempotentRequests.requireKey(key)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("idempotensnyckel")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("idempotencyKey"));
        assertThatThrownBy(() -> IdempotentRequests.requireKey(null)).isInstanceOf(InvalidInputException.class);
        assertThat(IdempotentRequests.requireKey("bench-0f8e6a2c:1.a_b")).isEqualTo("bench-0f8e6a2c:1.a_b");
    }
}
