package se.omsorgsnav.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class ChromiumTests {

    private static final String MISSING = "/nonexistent/chromium";

    @Test
    @DisplayName("A missing Chromium fails the browser tests in CI, whichever variable says CI")
    void missingFailsInCi() {
        for (Map<String, String> ci : java.util.List.of(Map.of("OMSORGSNAV_REQUIRE_BROWSER", "1"), Map.of("CI", "true"),
                Map.of("CI", "1", "OMSORGSNAV_REQUIRE_BROWSER", ""))) {
            Map<String, String> environment = new java.util.HashMap<>(ci);
            environment.put("OMSORGSNAV_CHROMIUM", MISSING);
            assertThatThrownBy(() -> Chromium.requireOrSkip(environment)).as("%s", ci)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("CI must run the browser tests");
        }
    }

    @Test
    @DisplayName("A missing Chromium skips the browser tests only on a developer's machine")
    void missingSkipsLocally() {
        for (Map<String, String> local : java.util.List.of(Map.of("OMSORGSNAV_CHROMIUM", MISSING),
                Map.of("OMSORGSNAV_CHROMIUM", MISSING, "CI", "false", "OMSORGSNAV_REQUIRE_BROWSER", "0"))) {
            assertThatThrownBy(() -> Chromium.requireOrSkip(local)).as("%s", local).isInstanceOf(TestAbortedException.class);
        }
    }

    @Test
    @DisplayName("A Chromium that is there is launched, in CI and locally")
    void presentIsUsed() {
        Path shell = Path.of("/bin/sh");
        assertThat(Chromium.requireOrSkip(Map.of("OMSORGSNAV_CHROMIUM", shell.toString(), "CI", "true"))).isEqualTo(shell);
        assertThat(Chromium.requireOrSkip(Map.of("OMSORGSNAV_CHROMIUM", shell.toString()))).isEqualTo(shell);
    }
}
