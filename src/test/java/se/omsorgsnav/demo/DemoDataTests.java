package se.omsorgsnav.demo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DemoDataTests {

    @Test
    @DisplayName("DESIGN: demo users with known passwords are never seeded into a production database")
    void refusesAnExternalDatabase() {
        DemoData demo = new DemoData(null, null, Clock.systemUTC(), "jdbc:postgresql://db.example/omsorgsnav", false);
        assertThatThrownBy(() -> demo.run(null)).isInstanceOf(IllegalStateException.class).hasMessageContaining("H2");
    }
}
