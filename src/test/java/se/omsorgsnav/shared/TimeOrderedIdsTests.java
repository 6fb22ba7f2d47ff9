package se.omsorgsnav.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTests {

    @Test
    @DisplayName("Audit ids are RFC 9562 version 7: version 7, the IETF variant, the milliseconds in the first 48 bits")
    void versionVariantAndTime() {
        UUID id = TimeOrderedIds.at(0x0189_7A3B_2C1DL);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.toString()).startsWith("01897a3b-2c1d-7");
    }

    @Test
    @DisplayName("Ids of a later millisecond sort after earlier ones, as the database compares them, and never repeat")
    void laterSortsAfterAndUnique() {
        Set<UUID> seen = new HashSet<>();
        String previous = "";
        for (long ms = 1_700_000_000_000L; ms < 1_700_000_000_000L + 1_000; ms++) {
            UUID id = TimeOrderedIds.at(ms);
            assertThat(seen.add(id)).isTrue();
            // PostgreSQL and H2 order uuid columns by their bytes, the same as their text.
            assertThat(id.toString()).isGreaterThan(previous);
            previous = id.toString();
        }
    }
}
