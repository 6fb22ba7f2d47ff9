package se.omsorgsnav.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.opentest4j.TestAbortedException;

/**
 * Debian's Chromium for the browser tests. Where it is missing, CI fails and only a developer's own
 * machine skips: a browser test that CI quietly skipped would prove nothing while looking green.
 * CI is recognised by {@code OMSORGSNAV_REQUIRE_BROWSER} (set by {@code .ci/run}) or by the
 * {@code CI} variable every hosted CI sets. {@code OMSORGSNAV_CHROMIUM} names another executable
 * (to try the guard without hiding the machine's browser from everyone else).
 */
public final class Chromium {

    private Chromium() {}

    /** The executable to launch; skips the test locally and fails it in CI when there is none. */
    public static Path requireOrSkip() {
        return requireOrSkip(System.getenv());
    }

    static Path requireOrSkip(Map<String, String> environment) {
        Path executable = Path.of(environment.getOrDefault("OMSORGSNAV_CHROMIUM", "/usr/bin/chromium"));
        if (Files.isExecutable(executable)) {
            return executable;
        }
        if (inCi(environment)) {
            throw new IllegalStateException(executable + " is missing: CI must run the browser tests (.ci/run installs Debian's chromium)");
        }
        throw new TestAbortedException(executable + " is missing: browser test skipped on this machine (CI fails instead)");
    }

    static boolean inCi(Map<String, String> environment) {
        return set(environment.get("OMSORGSNAV_REQUIRE_BROWSER")) || set(environment.get("CI"));
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank() && !value.equalsIgnoreCase("false") && !value.equals("0");
    }
}
